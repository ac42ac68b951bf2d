import { ArrayType, Check, Entity, Enum, Index, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { LocalizedValue } from '../../graphql/values';
import { Organisation } from '../organisation/organisation.entity';
import { Project } from '../project/project.entity';

export enum OutputType {
  STRATEGY = 'STRATEGY',
  ACTION_PLAN = 'ACTION_PLAN',
  TOOL = 'TOOL',
  CATALOGUE = 'CATALOGUE',
  STUDY = 'STUDY',
  BENCHMARKING_REPORT = 'BENCHMARKING_REPORT',
  CLUSTER_MAPPING = 'CLUSTER_MAPPING',
  COMMUNICATION_PLAN = 'COMMUNICATION_PLAN',
  WEB_PORTAL = 'WEB_PORTAL',
  PILOT_ACTION = 'PILOT_ACTION',
  META_CLUSTER = 'META_CLUSTER',
  PLATFORM = 'PLATFORM',
  PLAN = 'PLAN',
  EVENT = 'EVENT',
  OTHER = 'OTHER',
}
registerEnumType(OutputType, { name: 'OutputType' });

/** Moderation state shared by everything partners contribute. */
export enum ContributionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
}
registerEnumType(ContributionStatus, { name: 'ContributionStatus' });

/** What partners contribute (outputs, best practices): moderated, and owned by the organisation that submitted it. */
@ObjectType()
export abstract class ContributionEntity extends BaseEntity {
  @Field(() => ContributionStatus)
  @Enum({ items: () => ContributionStatus, default: ContributionStatus.PUBLISHED })
  @Index()
  status: ContributionStatus = ContributionStatus.PUBLISHED;

  /** The organisation whose partner account registered it; null for curated records. */
  @ManyToOne({ entity: () => Organisation, nullable: true })
  @Index()
  submittedBy?: Organisation;

  @Field(() => String, { nullable: true, description: 'Why an editor rejected it.' })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string;
}

@ObjectType({ implements: Node, description: 'Something a project produced.' })
@Entity({ tableName: 'output' })
// Published outputs per project counted from the index alone (aggregates).
@Index({ properties: ['project', 'status'] })
@Check({ name: 'output_date_check', expression: "date >= '1950-01-01'::date and date <= '2100-12-31'::date" })
export class Output extends ContributionEntity {
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Project;

  @Field(() => OutputType)
  @Enum({ items: () => OutputType })
  @Index()
  type!: OutputType;

  @Property({ type: 'json' })
  titles: LocalizedValue[] = [];

  @Property({ type: 'json' })
  descriptions: LocalizedValue[] = [];

  @Field(() => [String], { description: 'ISO 639-3 languages the output is available in.' })
  @Property({ type: ArrayType, default: '{}' })
  languages: string[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 2000, nullable: true })
  url?: string;

  @Field(() => DateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  date?: string;

  @Field(() => String, { nullable: true, description: 'Licence identifier (SPDX where possible).' })
  @Property({ type: 'string', length: 100, nullable: true })
  licence?: string;

}

@Entity({ tableName: 'output_producer' })
export class OutputProducer {
  [PrimaryKeyProp]?: ['output', 'organisation'];

  @ManyToOne({ entity: () => Output, primary: true, deleteRule: 'cascade' })
  output!: Output;

  @ManyToOne({ entity: () => Organisation, primary: true, deleteRule: 'cascade' })
  @Index()
  organisation!: Organisation;
}
