import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { Context } from '../../graphql/context';
import { DEFAULT_PAGE_SIZE } from '../../graphql/connection';
import { codedError } from '../../graphql/errors';
import { Node } from '../../graphql/node';
import type { SearchConnectionData, SearchService } from '../../search/search.service';
import { Project } from '../project/project.entity';
import { SearchConnection, SearchFilter, SearchHit } from './search.types';

/** The request context with the search service the composition root provides. */
type SearchContext = Context & { search?: SearchService };

/** Search reads the index, which lags PostgreSQL by the outbox: its answers are never cached. */
const UNCACHED = { maxAge: 0 };

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchConnection, { description: 'Full-text search across every record type and language.' })
  search(
    @Arg('query', () => String, { description: `Words to find; 1..200 characters. Typos, prefixes, other languages' terms and Latin/Cyrillic spellings match too.` })
    query: string,
    @Ctx() ctx: SearchContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => SearchFilter, { nullable: true }) filter?: SearchFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<SearchConnectionData> {
    maybeCacheControlFromInfo(info)?.setCacheHint(UNCACHED);
    if (!ctx.search) throw codedError('SERVICE_UNAVAILABLE', 'search is not configured');
    return ctx.search.search(ctx.em, { query, filter, first, after, viewer: ctx.viewer });
  }

  @FieldResolver(() => [Project], { description: 'The projects the record belongs to or is about.' })
  async projects(@Root() hit: SearchHit, @Ctx() ctx: Context): Promise<Project[]> {
    const rows = await ctx.loaders.projectById.loadMany(hit.projectIds);
    return rows.filter((p): p is Project => p instanceof Project);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The record itself; null if it is no longer visible.' })
  node(@Root() hit: SearchHit, @Ctx() ctx: Context): Promise<object | null> {
    return ctx.loaders.node.load(`${hit.type}:${hit.entityId}`);
  }
}
