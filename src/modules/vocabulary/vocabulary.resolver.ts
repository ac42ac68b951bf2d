import { Arg, Args, ClassType, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { nestedConnection, PageArgs, PagedRelation } from '../../graphql/connection';
import type { Loaders } from '../../graphql/loaders';
import { BestPractice } from '../practice/practice.entity';
import { BestPracticeConnection } from '../practice/practice.types';
import { Project } from '../project/project.entity';
import { ProjectConnection } from '../project/project.types';
import type { Context } from '../../graphql/context';
import { LocalizedText, pickText, toLocalizedTexts } from '../../graphql/values';
import { Sector, Theme } from './vocabulary.entity';

/** Themes and sectors behave the same: `<plural>` lists the vocabulary, `<singular>(code:)` finds a term. */
function vocabularyResolverFor<T extends Theme | Sector>(
  type: ClassType<T>,
  singular: string,
  plural: string,
  relations: (loaders: Loaders) => { projects: PagedRelation<number, Project>; bestPractices: PagedRelation<number, BestPractice> },
): ClassType {
  @Resolver(() => type)
  class VocabularyResolver {
    @Query(() => [type], { name: plural, description: `The ${singular} vocabulary.` })
    list(@Ctx() ctx: Context): Promise<T[]> {
      return ctx.em.find(type, {}, { orderBy: { code: 'asc' } as never });
    }

    @Query(() => type, { name: singular, nullable: true })
    one(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<T | null> {
      return ctx.em.findOne(type, { code } as never);
    }

    @FieldResolver(() => String, { description: 'The label in `language` (default English).' })
    label(@Root() term: T, @Arg('language', () => String, { nullable: true }) language?: string): string {
      return pickText(term.labels, language ?? 'eng') ?? term.code;
    }

    @FieldResolver(() => [LocalizedText])
    labels(@Root() term: T): LocalizedText[] {
      return toLocalizedTexts(term.labels);
    }

    @FieldResolver(() => ProjectConnection, { description: `Projects with this ${singular}, by acronym.` })
    projects(@Root() term: T, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
      return nestedConnection(relations(ctx.loaders).projects, term.id, page);
    }

    @FieldResolver(() => BestPracticeConnection, { description: `Published best practices with this ${singular}.` })
    bestPractices(@Root() term: T, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
      return nestedConnection(relations(ctx.loaders).bestPractices, term.id, page);
    }
  }
  return VocabularyResolver;
}

export const ThemeResolver = vocabularyResolverFor(Theme, 'theme', 'themes', (l) => ({
  projects: l.projectsByTheme,
  bestPractices: l.bestPracticesByTheme,
}));
export const SectorResolver = vocabularyResolverFor(Sector, 'sector', 'sectors', (l) => ({
  projects: l.projectsBySector,
  bestPractices: l.bestPracticesBySector,
}));
