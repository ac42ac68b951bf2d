import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { Organisation } from '../organisation/organisation.entity';
import { Project } from '../project/project.entity';

/** A named person. Email and phone are personal data: the resolver shows them to signed-in accounts only. */
@ObjectType({ implements: Node })
@Entity({ tableName: 'contact' })
export class Contact extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  role?: string;

  @Property({ type: 'string', nullable: true })
  email?: string;

  @Property({ type: 'string', nullable: true })
  phone?: string;

  @ManyToOne({ entity: () => Organisation, nullable: true })
  @Index()
  organisation?: Organisation;

  @ManyToOne({ entity: () => Project, nullable: true, deleteRule: 'cascade' })
  @Index()
  project?: Project;
}
