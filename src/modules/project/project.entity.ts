import {
  ArrayType,
  Check,
  DecimalType,
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKeyProp,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { LocalizedValue, Money } from '../../graphql/values';
import { Call, Programme } from '../programme/programme.entity';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';
import { Organisation } from '../organisation/organisation.entity';

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  ONGOING = 'ONGOING',
  FINISHED = 'FINISHED',
}
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });

export enum StatementKind {
  SUMMARY = 'SUMMARY',
  OBJECTIVE = 'OBJECTIVE',
  SPECIFIC_OBJECTIVE = 'SPECIFIC_OBJECTIVE',
  EXPECTED_RESULT = 'EXPECTED_RESULT',
  METHODOLOGY = 'METHODOLOGY',
  INNOVATION = 'INNOVATION',
  ACHIEVEMENT = 'ACHIEVEMENT',
  ACTIVITY = 'ACTIVITY',
}
registerEnumType(StatementKind, { name: 'StatementKind', description: 'What a project statement describes.' });

export enum PartnerRole {
  LEAD_PARTNER = 'LEAD_PARTNER',
  PARTNER = 'PARTNER',
  ASSOCIATED = 'ASSOCIATED',
  OBSERVER = 'OBSERVER',
}
registerEnumType(PartnerRole, { name: 'PartnerRole' });

export enum ProjectLinkKind {
  COOPERATES_WITH = 'COOPERATES_WITH',
  FOLLOW_UP_OF = 'FOLLOW_UP_OF',
  BUILDS_ON = 'BUILDS_ON',
  SIMILAR_INITIATIVE = 'SIMILAR_INITIATIVE',
}
registerEnumType(ProjectLinkKind, { name: 'ProjectLinkKind' });

export interface ProjectStatementValue extends LocalizedValue {
  kind: StatementKind;
}

export interface WorkPackageValue {
  code: string;
  titles: LocalizedValue[];
}

@ObjectType({ implements: Node, description: 'A funded project.' })
@Entity({ tableName: 'project' })
@Unique({ properties: ['programme', 'acronymKey'] })
// A programme's projects with the columns its aggregates need, read from the index alone.
@Index({
  name: 'project_programme_id_aggregates_index',
  expression: `create index "project_programme_id_aggregates_index" on "project" ("programme_id") include ("id", "start_date", "end_date",
    "total_budget_currency", "total_budget_amount", "eu_contribution_currency", "eu_contribution_amount")`,
})
@Check({ name: 'project_dates_check', expression: 'end_date is null or start_date is null or end_date >= start_date' })
@Check({ name: 'project_cofinancing_rate_check', expression: 'cofinancing_rate is null or (cofinancing_rate >= 0 and cofinancing_rate <= 1)' })
@Check({ name: 'project_counts_check', expression: '(stated_partner_count is null or stated_partner_count >= 0) and (stated_country_count is null or stated_country_count >= 0) and (duration_months is null or duration_months > 0)' })
export class Project extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 60 })
  acronym!: string;

  /** Upper-case acronym without spaces, hyphens or punctuation: "Clusters Cord" = "CLUSTERS-CORD". */
  @Property({ type: 'string', length: 60 })
  @Index()
  acronymKey!: string;

  @Field(() => [String], { description: 'Every spelling of the acronym or short name the sources use.' })
  @Property({ type: ArrayType, default: '{}' })
  nameVariants: string[] = [];

  @Property({ type: 'json' })
  titles: LocalizedValue[] = [];

  @Field(() => String, { nullable: true, description: 'The programme\'s project reference, e.g. "2CE202P1".' })
  @Property({ type: 'string', length: 40, nullable: true, unique: true })
  referenceCode?: string;

  @ManyToOne({ entity: () => Programme })
  programme!: Programme;

  @ManyToOne({ entity: () => Call, nullable: true })
  @Index()
  call?: Call;

  @Field(() => ProjectStatus, { nullable: true })
  @Enum({ items: () => ProjectStatus, nullable: true })
  @Index()
  status?: ProjectStatus;

  @Field(() => DateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  @Index()
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  @Index()
  endDate?: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  durationMonths?: number;

  @Field(() => Money, { nullable: true })
  @Embedded({ entity: () => Money, nullable: true, prefix: 'total_budget_' })
  totalBudget?: Money;

  @Field(() => Money, { nullable: true })
  @Embedded({ entity: () => Money, nullable: true, prefix: 'eu_contribution_' })
  euContribution?: Money;

  @Field(() => Float, { nullable: true, description: 'EU co-financing rate, 0..1.' })
  @Property({ type: new DecimalType('number'), columnType: 'numeric(5,4)', nullable: true })
  cofinancingRate?: number;

  @Field(() => Int, { nullable: true, description: 'Number of partners as stated by a source (may exceed the partners listed).' })
  @Property({ type: 'integer', nullable: true })
  statedPartnerCount?: number;

  @Field(() => Int, { nullable: true, description: 'Number of partner countries as stated by a source.' })
  @Property({ type: 'integer', nullable: true })
  statedCountryCount?: number;

  @Field(() => [String])
  @Property({ type: ArrayType, default: '{}' })
  websites: string[] = [];

  @Property({ type: 'json' })
  statements: ProjectStatementValue[] = [];

  @Property({ type: 'json' })
  workPackages: WorkPackageValue[] = [];
}

@Entity({ tableName: 'project_theme' })
// The projects of a theme in id order, read from the index alone (related-project candidates).
@Index({ properties: ['theme', 'project'] })
export class ProjectTheme {
  [PrimaryKeyProp]?: ['project', 'theme'];

  @ManyToOne({ entity: () => Project, primary: true, deleteRule: 'cascade' })
  project!: Project;

  @ManyToOne({ entity: () => Theme, primary: true, deleteRule: 'cascade' })
  theme!: Theme;
}

@Entity({ tableName: 'project_sector' })
@Index({ properties: ['sector', 'project'] })
export class ProjectSector {
  [PrimaryKeyProp]?: ['project', 'sector'];

  @ManyToOne({ entity: () => Project, primary: true, deleteRule: 'cascade' })
  project!: Project;

  @ManyToOne({ entity: () => Sector, primary: true, deleteRule: 'cascade' })
  sector!: Sector;
}

@ObjectType({ description: 'An organisation\'s part in a project.' })
@Entity({ tableName: 'participation' })
@Unique({ properties: ['project', 'organisation'] })
@Index({ properties: ['organisation', 'project'] })
export class Participation extends BaseEntity {
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Project;

  @ManyToOne({ entity: () => Organisation })
  organisation!: Organisation;

  @Field(() => PartnerRole)
  @Enum({ items: () => PartnerRole })
  @Index()
  role!: PartnerRole;

  @Field(() => Money, { nullable: true, description: 'The partner\'s budget share, when stated.' })
  @Embedded({ entity: () => Money, nullable: true, prefix: 'budget_share_' })
  budgetShare?: Money;
}

/** A relation between a project and another project or initiative, as stated by a source. */
@ObjectType()
@Entity({ tableName: 'project_link' })
@Unique({ properties: ['project', 'kind', 'targetName'] })
export class ProjectLink extends BaseEntity {
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Project;

  @Field(() => ProjectLinkKind)
  @Enum({ items: () => ProjectLinkKind })
  kind!: ProjectLinkKind;

  /** Set when the other side is a project of this knowledge base. */
  @ManyToOne({ entity: () => Project, nullable: true, deleteRule: 'set null' })
  @Index()
  targetProject?: Project;

  @Field(() => String, { description: 'The other project or initiative as the source names it.' })
  @Property({ type: 'string' })
  targetName!: string;
}
