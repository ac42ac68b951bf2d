import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { nestedConnection, PageArgs } from '../../graphql/connection';
import { LocalizedText, pickText, toLocalizedTexts } from '../../graphql/values';
import { findConnection } from '../../db/paginate';
import { Country } from '../country/country.entity';
import { ProjectConnection } from '../project/project.types';
import { loadTyped } from '../node/node.loaders';
import { Call, Programme, ProgrammeEligibility } from './programme.entity';
import { CallConnection, ProgrammeConnection } from './programme.types';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => Programme, { nullable: true, description: 'A programme by its code; null when unknown.' })
  programme(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Programme | null> {
    return ctx.em.findOne(Programme, { code });
  }

  @Query(() => ProgrammeConnection)
  programmes(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return findConnection(ctx.em, Programme, {}, [{ periodStart: 'asc', code: 'asc', id: 'asc' }], page);
  }

  @FieldResolver(() => String, { description: 'The name in `language` when available, else as the source gives it.' })
  name(@Root() programme: Programme, @Arg('language', () => String, { nullable: true }) language?: string): string {
    return pickText(programme.names, language) ?? programme.name;
  }

  @FieldResolver(() => [LocalizedText])
  names(@Root() programme: Programme): LocalizedText[] {
    return toLocalizedTexts(programme.names);
  }

  @FieldResolver(() => [ProgrammeEligibility], { description: 'Eligible countries and, where only part of a country is eligible, its regions.' })
  eligibility(@Root() programme: Programme, @Ctx() ctx: Context): Promise<ProgrammeEligibility[]> {
    return ctx.loaders.eligibilityByProgramme.load(programme.id);
  }

  @FieldResolver(() => [Country], { description: 'Countries wholly or partly eligible.' })
  async countries(@Root() programme: Programme, @Ctx() ctx: Context): Promise<Country[]> {
    const eligibility = await ctx.loaders.eligibilityByProgramme.load(programme.id);
    const countries = await ctx.loaders.countryByCode.loadMany(eligibility.map((e) => e.country.code));
    return countries.filter((c): c is Country => c instanceof Country);
  }

  @FieldResolver(() => [Call])
  calls(@Root() programme: Programme, @Ctx() ctx: Context): Promise<Call[]> {
    return ctx.loaders.callsByProgramme.load(programme.id);
  }

  @FieldResolver(() => ProjectConnection, { description: 'Its projects, by acronym.' })
  projects(@Root() programme: Programme, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return nestedConnection(ctx.loaders.projectsByProgramme, programme.id, page);
  }
}

@Resolver(() => ProgrammeEligibility)
export class ProgrammeEligibilityResolver {
  @FieldResolver(() => Country)
  async country(@Root() eligibility: ProgrammeEligibility, @Ctx() ctx: Context): Promise<Country | null> {
    return ctx.loaders.countryByCode.load(eligibility.country.code);
  }
}

@Resolver(() => Call)
export class CallResolver {
  @Query(() => CallConnection, { description: 'Calls for proposals, by programme and ordinal.' })
  async calls(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('programme', () => String, { nullable: true, description: 'Programme code.' }) programme?: string,
  ) {
    const where = programme ? { programme: { code: programme } } : {};
    return findConnection(ctx.em, Call, where, [{ programme: { code: 'asc' }, ordinal: 'asc', id: 'asc' }], page);
  }

  @Query(() => Call, { nullable: true })
  call(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Call | null> {
    return loadTyped(ctx.loaders, id, 'Call');
  }

  @FieldResolver(() => Programme)
  programme(@Root() call: Call, @Ctx() ctx: Context): Promise<Programme | null> {
    return ctx.loaders.programmeById.load(call.programme.id);
  }

  @FieldResolver(() => ProjectConnection, { description: 'Projects funded under this call, by acronym.' })
  projects(@Root() call: Call, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return nestedConnection(ctx.loaders.projectsByCall, call.id, page);
  }
}
