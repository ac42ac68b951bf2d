import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { Project } from '../project/project.entity';

@ObjectType({ implements: Node, description: 'A conference, visit or meeting.' })
@Entity({ tableName: 'event' })
export class Event extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  title!: string;

  @Field(() => DateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  @Index()
  date?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  place?: string;

  @ManyToOne({ entity: () => Project, nullable: true, deleteRule: 'cascade' })
  @Index()
  project?: Project;
}
