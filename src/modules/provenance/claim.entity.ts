import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { Document } from '../document/document.entity';

export enum ClaimOrigin {
  SEED = 'SEED',
  IMPORT = 'IMPORT',
  INGEST = 'INGEST',
  EDITOR = 'EDITOR',
}
registerEnumType(ClaimOrigin, { name: 'ClaimOrigin', description: 'Which process recorded the claim.' });

/**
 * Provenance: "field F of record R has value V, as document D says in span [start, end)".
 * Two sources may disagree; both claims are kept and `shown` marks the value the record displays.
 */
@ObjectType({ implements: Node })
@Entity({ tableName: 'claim' })
@Index({ properties: ['subjectType', 'subjectId', 'field'] })
@Check({ name: 'claim_span_check', expression: 'start_offset is null or (start_offset >= 0 and end_offset > start_offset)' })
export class Claim extends BaseEntity {
  @Field(() => String, { description: 'GraphQL type name of the record the claim is about, e.g. "Project".' })
  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Property({ type: 'integer' })
  subjectId!: number;

  @Field(() => String, { description: 'The field the claim supports, e.g. "startDate".' })
  @Property({ type: 'string', length: 80 })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the source states.' })
  @Property({ type: 'json', nullable: true })
  value?: unknown;

  @ManyToOne({ entity: () => Document, nullable: true, deleteRule: 'cascade' })
  @Index()
  document?: Document;

  @Field(() => Int, { nullable: true, description: 'Start offset (Unicode code points) of the quote in the document text.' })
  @Property({ type: 'integer', nullable: true })
  startOffset?: number;

  @Field(() => Int, { nullable: true, description: 'End offset (exclusive).' })
  @Property({ type: 'integer', nullable: true })
  endOffset?: number;

  @Field(() => String, { nullable: true, description: 'The quoted span, exactly as in the document.' })
  @Property({ type: 'text', nullable: true })
  quote?: string;

  @Field(() => Boolean, { description: 'False for a sourced value the record does not show (another source was preferred).' })
  @Property({ type: 'boolean', default: true })
  shown: boolean = true;

  @Field(() => String, { nullable: true, description: 'Why this value is shown or not, or how it was read.' })
  @Property({ type: 'text', nullable: true })
  note?: string;

  @Field(() => ClaimOrigin)
  @Enum({ items: () => ClaimOrigin })
  origin!: ClaimOrigin;

  @Field(() => String, { nullable: true, description: 'For imported values: the file and row.' })
  @Property({ type: 'string', length: 500, nullable: true })
  sourceRef?: string;
}
