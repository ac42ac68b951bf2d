import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
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
}
