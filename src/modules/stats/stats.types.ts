import { Field, Int, ObjectType } from 'type-graphql';
import { Country } from '../country/country.entity';
import { Money } from '../../graphql/values';

@ObjectType({ description: 'Figures over a set of projects, computed in SQL.' })
export class ProjectStats {
  @Field(() => Int)
  projectCount!: number;

  @Field(() => Int, { description: 'Distinct organisations taking part in those projects.' })
  partnerCount!: number;

  @Field(() => Int, { description: 'Published outputs of those projects.' })
  outputCount!: number;

  @Field(() => [Money], { description: 'Sum of the projects\' total budgets, one entry per currency.' })
  totalBudget!: Money[];

  @Field(() => [Money], { description: 'Sum of the EU contributions, one entry per currency.' })
  euContribution!: Money[];

  @Field(() => [Country], { description: 'Countries of the partners, by code.' })
  partnerCountries!: Country[];

  @Field(() => Int, { nullable: true, description: 'First year in which one of the projects was active.' })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year in which one of the projects was active.' })
  lastYear!: number | null;
}
