import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { ProjectStatus } from './project.entity';

@InputType({ description: 'All given conditions must hold; a list matches any of its values.' })
export class ProjectFilter {
  @Field(() => [String], { nullable: true, description: 'Programme codes.' })
  programmes?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes of partner countries.' })
  countries?: string[];

  @Field(() => [String], { nullable: true, description: 'Theme codes.' })
  themes?: string[];

  @Field(() => [String], { nullable: true, description: 'Sector codes.' })
  sectors?: string[];

  @Field(() => [ProjectStatus], { nullable: true })
  statuses?: ProjectStatus[];

  @Field(() => Int, { nullable: true, description: 'Active in or after this year (ends in or after it).' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Active in or before this year (starts in or before it).' })
  yearTo?: number;

  @Field(() => String, { nullable: true, description: 'Words that must appear in the acronym, a name variant or a title.' })
  text?: string;
}

export enum ProjectOrderField {
  ACRONYM = 'ACRONYM',
  START_DATE = 'START_DATE',
  END_DATE = 'END_DATE',
  TOTAL_BUDGET = 'TOTAL_BUDGET',
}
registerEnumType(ProjectOrderField, { name: 'ProjectOrderField' });

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType()
export class ProjectOrder {
  @Field(() => ProjectOrderField)
  field!: ProjectOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection = OrderDirection.ASC;
}
