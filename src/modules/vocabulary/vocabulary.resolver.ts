import { Arg, ClassType, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { LocalizedText, pickText, toLocalizedTexts } from '../../graphql/values';
import { Sector, Theme } from './vocabulary.entity';

/** Themes and sectors behave the same: `<plural>` lists the vocabulary, `<singular>(code:)` finds a term. */
function vocabularyResolverFor<T extends Theme | Sector>(type: ClassType<T>, singular: string, plural: string): ClassType {
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
  }
  return VocabularyResolver;
}

export const ThemeResolver = vocabularyResolverFor(Theme, 'theme', 'themes');
export const SectorResolver = vocabularyResolverFor(Sector, 'sector', 'sectors');
