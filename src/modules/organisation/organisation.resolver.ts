import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { OrganisationConnection } from './organisation.types';
import { badInput } from '../../graphql/errors';
import { loadTyped } from '../node/node.loaders';
import { findConnection } from '../../db/paginate';
import { Country } from '../country/country.entity';
import { isKnownCountry } from '../country/country.codes';
import { Participation } from '../project/project.entity';
import { Organisation, OrganisationType } from './organisation.entity';

@InputType()
export class OrganisationFilter {
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
  countries?: string[];

  @Field(() => [OrganisationType], { nullable: true })
  types?: OrganisationType[];

  @Field(() => String, { nullable: true, description: 'Part of the name, English name, transliteration or acronym.' })
  text?: string;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true })
  organisation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Organisation | null> {
    return loadTyped(ctx.loaders, id, 'Organisation');
  }

  @Query(() => OrganisationConnection)
  organisations(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => OrganisationFilter, { nullable: true }) filter?: OrganisationFilter,
  ) {
    const where: FilterQuery<Organisation>[] = [];
    if (filter?.countries?.length) {
      const unknown = filter.countries.filter((code) => !isKnownCountry(code));
      if (unknown.length) throw badInput('filter.countries', `unknown country codes: ${unknown.join(', ')}`);
      where.push({ country: { code: { $in: filter.countries } } });
    }
    if (filter?.types?.length) where.push({ type: { $in: filter.types } });
    if (filter?.text != null) {
      const text = filter.text.trim();
      if (!text || text.length > 200) throw badInput('filter.text', 'text must have 1 to 200 characters');
      const like = { $ilike: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
      where.push({ $or: [{ name: like }, { nameEn: like }, { transliteration: like }, { acronyms: { $overlap: [text] } }] });
    }
    return findConnection(ctx.em, Organisation, where.length ? { $and: where } : {}, [{ name: 'asc', id: 'asc' }], page);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'Null when no source states it.' })
  country(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Country | null> | null {
    return organisation.country ? ctx.loaders.countryByCode.load(organisation.country.code) : null;
  }

  @FieldResolver(() => [Participation], { description: 'The projects it takes part in, with its role.' })
  projects(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Participation[]> {
    return ctx.loaders.participationsByOrganisation.load(organisation.id);
  }
}
