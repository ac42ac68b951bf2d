import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { encodeGlobalId } from '../graphql/global-id';

/**
 * Shared columns of every top-level record: a surrogate key, an optimistic-locking version and
 * timestamps. The GraphQL type name is the class name, so global ids follow from it.
 */
@ObjectType()
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'nodeId' | Optional;

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Int, { description: 'Incremented on every change; send it back on updates to avoid lost updates.' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  get nodeId(): string {
    return encodeGlobalId(this.constructor.name, this.id);
  }
}
