import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { BestPracticeConnection } from './practice.types';
import { loadTyped } from '../node/node.loaders';
import { LocalizedText, pickText, toLocalizedTexts } from '../../graphql/values';
import { findConnection } from '../../db/paginate';
import { Country } from '../country/country.entity';
import { Organisation } from '../organisation/organisation.entity';
import { visibleWhere } from '../output/output.visibility';
import { Project } from '../project/project.entity';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';
import { BestPractice } from './practice.entity';

@Resolver(() => BestPractice)
export class BestPracticeResolver {
  @Query(() => BestPractice, { nullable: true })
  bestPractice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<BestPractice | null> {
    return loadTyped(ctx.loaders, id, 'BestPractice');
  }

  @Query(() => BestPracticeConnection)
  bestPractices(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return findConnection(ctx.em, BestPractice, visibleWhere(ctx.viewer), [{ id: 'asc' }], page);
  }

  @FieldResolver(() => String)
  title(@Root() practice: BestPractice, @Arg('language', () => String, { nullable: true }) language?: string): string {
    return pickText(practice.titles, language) ?? '';
  }

  @FieldResolver(() => [LocalizedText])
  titles(@Root() practice: BestPractice): LocalizedText[] {
    return toLocalizedTexts(practice.titles);
  }

  @FieldResolver(() => String, { nullable: true })
  summary(@Root() practice: BestPractice, @Arg('language', () => String, { nullable: true }) language?: string): string | null {
    return pickText(practice.summaries, language);
  }

  @FieldResolver(() => [LocalizedText])
  summaries(@Root() practice: BestPractice): LocalizedText[] {
    return toLocalizedTexts(practice.summaries);
  }

  @FieldResolver(() => Project)
  project(@Root() practice: BestPractice, @Ctx() ctx: Context): Promise<Project | null> {
    return ctx.loaders.projectById.load(practice.project.id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation the practice describes.' })
  organisation(@Root() practice: BestPractice, @Ctx() ctx: Context): Promise<Organisation | null> | null {
    return practice.organisation ? ctx.loaders.organisationById.load(practice.organisation.id) : null;
  }

  @FieldResolver(() => Sector, { nullable: true })
  sector(@Root() practice: BestPractice, @Ctx() ctx: Context): Promise<Sector | null> | null {
    return practice.sector ? ctx.loaders.sectorById.load(practice.sector.id) : null;
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() practice: BestPractice, @Ctx() ctx: Context): Promise<Country | null> | null {
    return practice.country ? ctx.loaders.countryByCode.load(practice.country.code) : null;
  }

  @FieldResolver(() => [Theme])
  themes(@Root() practice: BestPractice, @Ctx() ctx: Context): Promise<Theme[]> {
    return ctx.loaders.themesByBestPractice.load(practice.id);
  }
}
