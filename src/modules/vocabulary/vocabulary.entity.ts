import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { LocalizedValue } from '../../graphql/values';

/** Themes and sectors are controlled vocabularies: a stable code and labels per language. */
@ObjectType()
abstract class VocabularyTerm extends BaseEntity {
  @Field(() => String, { description: 'Stable code, e.g. "innovation".' })
  @Property({ type: 'string', length: 80 })
  code!: string;

  @Property({ type: 'json' })
  labels: LocalizedValue[] = [];
}

@ObjectType({ implements: Node, description: 'A thematic area (controlled vocabulary).' })
@Entity({ tableName: 'theme' })
@Unique({ properties: ['code'] })
export class Theme extends VocabularyTerm {}

@ObjectType({ implements: Node, description: 'An economic sector (controlled vocabulary).' })
@Entity({ tableName: 'sector' })
@Unique({ properties: ['code'] })
export class Sector extends VocabularyTerm {}
