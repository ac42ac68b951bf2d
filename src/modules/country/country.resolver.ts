import { Args, Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { nestedConnection, PageArgs } from '../../graphql/connection';
import { OrganisationConnection } from '../organisation/organisation.types';
import { Programme } from '../programme/programme.entity';
import { ProjectConnection } from '../project/project.types';
import { Country } from './country.entity';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code.' })
  country(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Country | null> {
    return ctx.loaders.countryByCode.load(code.toUpperCase());
  }

  @Query(() => [Country], { description: 'Every ISO 3166-1 country.' })
  countries(@Ctx() ctx: Context): Promise<Country[]> {
    return ctx.em.find(Country, {}, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => [Programme], { description: 'Programmes for which the country is wholly or partly eligible.' })
  async programmes(@Root() country: Country, @Ctx() ctx: Context): Promise<Programme[]> {
    const eligibility = await ctx.loaders.eligibilityByCountry.load(country.code);
    const programmes = await ctx.loaders.programmeById.loadMany(eligibility.map((e) => e.programme.id));
    return programmes.filter((p): p is Programme => p instanceof Programme);
  }

  @FieldResolver(() => OrganisationConnection, { description: 'Organisations based in the country, by name.' })
  organisations(@Root() country: Country, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return nestedConnection(ctx.loaders.organisationsByCountry, country.code, page);
  }

  @FieldResolver(() => ProjectConnection, { description: 'Projects with at least one partner in the country, by acronym.' })
  projects(@Root() country: Country, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return nestedConnection(ctx.loaders.projectsByCountry, country.code, page);
  }
}
