import { ArrayType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { Country } from '../country/country.entity';

export enum OrganisationType {
  PUBLIC_AUTHORITY = 'PUBLIC_AUTHORITY',
  REGIONAL_DEVELOPMENT_AGENCY = 'REGIONAL_DEVELOPMENT_AGENCY',
  CHAMBER = 'CHAMBER',
  UNIVERSITY_OR_RESEARCH = 'UNIVERSITY_OR_RESEARCH',
  CLUSTER_ORGANISATION = 'CLUSTER_ORGANISATION',
  SME = 'SME',
  ASSOCIATION = 'ASSOCIATION',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationType, { name: 'OrganisationType' });

@ObjectType({ implements: Node, description: 'A legal body that takes part in projects.' })
@Entity({ tableName: 'organisation' })
export class Organisation extends BaseEntity {
  @Field(() => String, { description: 'Name in the organisation\'s own language and script.' })
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-3 language of `name`.' })
  @Property({ type: 'string', columnType: 'char(3)', nullable: true })
  nameLanguage?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  nameEn?: string;

  @Field(() => Boolean, { description: 'True when `nameEn` was added as a translation rather than quoted from a source.' })
  @Property({ type: 'boolean', default: false })
  nameEnTranslation: boolean = false;

  @Field(() => String, { nullable: true, description: 'Latin-script transliteration of a non-Latin name.' })
  @Property({ type: 'string', length: 500, nullable: true })
  transliteration?: string;

  @Field(() => [String])
  @Property({ type: ArrayType, default: '{}' })
  acronyms: string[] = [];

  /** Lower-case, punctuation- and legal-form-free, transliterated name used to match duplicates. */
  @Property({ type: 'string', length: 500 })
  @Index()
  nameKey!: string;

  @Field(() => OrganisationType, { nullable: true })
  @Enum({ items: () => OrganisationType, nullable: true })
  @Index()
  type?: OrganisationType;

  /** Null when no source states it: we do not guess. */
  @ManyToOne({ entity: () => Country, nullable: true })
  @Index()
  country?: Country;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  @Index()
  region?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  city?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  website?: string;
}
