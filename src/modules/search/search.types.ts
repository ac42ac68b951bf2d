import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import type { FacetData, FacetValueData, SearchFilterInput, SearchHitData } from '../../search/search.service';

@InputType({ description: 'Every given field narrows the result; values within one field are alternatives (OR).' })
export class SearchFilter implements SearchFilterInput {
  @Field(() => [String], { nullable: true, description: 'Record types: Project, Organisation, Output, BestPractice, Policy, Document.' })
  types?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-3 codes of the languages the record has text in.' })
  languages?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
  countries?: string[];

  @Field(() => [String], { nullable: true, description: 'Programme codes, e.g. "central-europe-2007-2013".' })
  programmes?: string[];

  @Field(() => [String], { nullable: true, description: 'Theme codes.' })
  themes?: string[];

  @Field(() => [String], { nullable: true, description: 'Project acronyms (any spelling) or Project ids.' })
  projects?: string[];

  @Field(() => Int, { nullable: true, description: 'Records active in or after this year.' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Records active in or before this year.' })
  yearTo?: number;
}

@ObjectType('SearchHit', { description: 'A record matching a search, of any type.' })
export class SearchHit implements SearchHitData {
  @Field(() => String, { description: 'The record\'s type, e.g. "Project".' })
  type!: SearchHitData['type'];

  entityId!: number;

  @Field(() => ID, { description: 'The record\'s global id; use it with node(id:).' })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-3 language of `title`.' })
  language!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Text around the best match, HTML-escaped, matches wrapped in <mark>; null when only the title or a tag matched.',
  })
  snippet!: string | null;

  projectIds!: number[];
}

@ObjectType('FacetValue')
export class FacetValue implements FacetValueData {
  @Field(() => String)
  value!: string;

  @Field(() => Int, { description: 'Matching records with this value.' })
  count!: number;
}

@ObjectType('Facet', { description: 'Counts per value of one SearchFilter field, over the current result.' })
export class Facet implements FacetData {
  @Field(() => String, { description: 'The SearchFilter field: types, languages, countries, programmes, themes, projects.' })
  name!: string;

  @Field(() => [FacetValue])
  values!: FacetValue[];
}

@ObjectType('SearchEdge')
export class SearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => SearchHit)
  node!: SearchHit;
}

@ObjectType('SearchConnection')
export class SearchConnection {
  @Field(() => Int, { description: 'Number of matching records across all pages (at most 1000 are reachable).' })
  totalCount!: number;

  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => [SearchHit])
  nodes!: SearchHit[];

  @Field(() => [Facet])
  facets!: Facet[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
