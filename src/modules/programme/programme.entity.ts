import { ArrayType, Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { LocalizedValue } from '../../graphql/values';
import { Country } from '../country/country.entity';

export enum ProgrammeStrand {
  TRANSNATIONAL = 'TRANSNATIONAL',
  CROSS_BORDER = 'CROSS_BORDER',
  INTERREGIONAL = 'INTERREGIONAL',
}
registerEnumType(ProgrammeStrand, { name: 'ProgrammeStrand' });

export enum EligibilityCoverage {
  WHOLE = 'WHOLE',
  PARTIAL = 'PARTIAL',
}
registerEnumType(EligibilityCoverage, {
  name: 'EligibilityCoverage',
  description: 'Whether the whole country or only some of its regions are eligible.',
});

@ObjectType({ implements: Node, description: 'A funding programme, e.g. South East Europe 2007-2013.' })
@Entity({ tableName: 'programme' })
@Unique({ properties: ['code'] })
@Check({ name: 'programme_period_check', expression: 'period_start >= 1950 and period_start <= 2100 and period_end >= period_start' })
export class Programme extends BaseEntity {
  @Field(() => String, { description: 'Stable slug, e.g. "south-east-europe-2007-2013".' })
  @Property({ type: 'string', length: 120 })
  code!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'json' })
  names: LocalizedValue[] = [];

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  periodStart?: number;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  periodEnd?: number;

  @Field(() => ProgrammeStrand, { nullable: true })
  @Enum({ items: () => ProgrammeStrand, nullable: true })
  strand?: ProgrammeStrand;

  @Field(() => [String], { description: 'Funding instruments stated by the sources, e.g. ERDF, IPA.' })
  @Property({ type: ArrayType, default: '{}' })
  fundingInstruments: string[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  website?: string;

  @Field(() => Int, { nullable: true, description: 'Number of countries as stated by a source.' })
  @Property({ type: 'integer', nullable: true })
  statedCountryCount?: number;

  @Field(() => String, { nullable: true, description: 'Population covered, as stated by a source.' })
  @Property({ type: 'string', nullable: true })
  statedPopulation?: string;
}

/** A country that is eligible for a programme, wholly or through some of its regions. */
@ObjectType()
@Entity({ tableName: 'programme_eligibility' })
@Unique({ properties: ['programme', 'country'] })
export class ProgrammeEligibility extends BaseEntity {
  @ManyToOne({ entity: () => Programme, deleteRule: 'cascade' })
  programme!: Programme;

  @ManyToOne({ entity: () => Country })
  @Index()
  country!: Country;

  @Field(() => EligibilityCoverage)
  @Enum({ items: () => EligibilityCoverage })
  coverage!: EligibilityCoverage;

  @Field(() => [String], { description: 'Eligible regions when coverage is PARTIAL, as named by the source.' })
  @Property({ type: ArrayType, default: '{}' })
  regions: string[] = [];
}

@ObjectType({ implements: Node, description: 'A call for proposals of a programme.' })
@Entity({ tableName: 'call' })
@Unique({ properties: ['programme', 'ordinal'] })
@Check({ name: 'call_ordinal_check', expression: 'ordinal > 0' })
export class Call extends BaseEntity {
  @ManyToOne({ entity: () => Programme, deleteRule: 'cascade' })
  programme!: Programme;

  @Field(() => Int, { description: '2 for "2nd call".' })
  @Property({ type: 'integer' })
  ordinal!: number;

  @Field(() => String, { nullable: true, description: 'The name a source gives it, e.g. "Fourth Call".' })
  @Property({ type: 'string', nullable: true })
  name?: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  year?: number;
}
