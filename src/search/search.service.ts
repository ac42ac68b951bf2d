import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import languages from 'iso-639-3/index.json';
import { ConnectionShape, pageWindow, toConnection } from '../graphql/connection';
import { badInput, codedError } from '../graphql/errors';
import type { Viewer } from '../graphql/context';
import { decodeGlobalId, encodeGlobalId } from '../graphql/global-id';
import { isKnownCountry } from '../modules/country/country.codes';
import { visibleSearchFilter } from '../modules/output/output.visibility';
import { Programme } from '../modules/programme/programme.entity';
import { Project } from '../modules/project/project.entity';
import { Theme } from '../modules/vocabulary/vocabulary.entity';
import { acronymKey } from '../shared/text';
import { isSearchableType, SEARCHABLE_TYPES, SearchableType, SearchDocument } from './documents';
import { liveIndex } from './indexer';
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type MultiSearchQuery } from './meili';
import { searchConfig } from './settings';

export const MAX_QUERY_LENGTH = 200;
const MAX_FILTER_VALUES = 50;
const SNIPPET_WORDS = 24;
// Control characters cannot occur in indexed text; they mark highlights until the text is escaped.
const PRE = '\u0002';
const POST = '\u0003';

const ISO_639_3 = new Set((languages as { iso6393: string }[]).map((l) => l.iso6393));

export interface SearchFilterInput {
  types?: string[] | null;
  languages?: string[] | null;
  countries?: string[] | null;
  programmes?: string[] | null;
  themes?: string[] | null;
  projects?: string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
}

export interface SearchArgs {
  query: string;
  filter?: SearchFilterInput | null;
  first?: number | null;
  after?: string | null;
  /** Who asks: unpublished contributions are found only by their organisation and by editors. */
  viewer?: Viewer | null;
}

export interface SearchHitData {
  type: SearchableType;
  entityId: number;
  /** Global id of the record. */
  id: string;
  title: string;
  language: string | null;
  /** HTML-escaped text around the best match, matches in <mark>; null when only a title or tag matched. */
  snippet: string | null;
  projectIds: number[];
}

export interface FacetValueData {
  value: string;
  count: number;
}

export interface FacetData {
  name: string;
  values: FacetValueData[];
}

export type SearchConnectionData = ConnectionShape<SearchHitData> & { facets: FacetData[] };

type Hit = Pick<SearchDocument, 'type' | 'entityId' | 'title' | 'language' | 'projectIds'> & {
  _formatted?: Record<string, unknown>;
  _matchesPosition?: Record<string, { indices?: number[] }[]>;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Meilisearch ignores stop words in a query but keeps their positions, so a multi-word synonym
 * ("agenzia di sviluppo regionale") no longer matches as consecutive words; drop them first.
 */
function withoutStopWords(query: string): string {
  const stop = new Set(searchConfig().settings.stopWords);
  const words = query.split(/\s+/);
  const kept = words.filter((w) => !stop.has(w.toLowerCase()));
  return kept.length ? kept.join(' ') : query;
}

function quote(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The search query of the API: validation, Meilisearch request, error mapping. */
export class SearchService {
  constructor(
    private readonly client: Meilisearch,
    private readonly indexPrefix: string,
    private readonly logger?: { warn(o: object, m?: string): void },
  ) {}

  async search(em: EntityManager, args: SearchArgs): Promise<SearchConnectionData> {
    const query = args.query.trim();
    if (!query) throw badInput('query', 'query must not be empty');
    if (query.length > MAX_QUERY_LENGTH) throw badInput('query', `query must be at most ${MAX_QUERY_LENGTH} characters`);
    const window = pageWindow(args);
    const filter = await this.filterExpression(em, args.filter ?? {}, args.viewer ?? null);
    const config = searchConfig();
    const { results } = await this.request(() => this.client.multiSearch({ queries: this.queries(query, filter, window) }));
    const [page, counts] = results;
    const hits = (page.hits as Hit[]).map((hit) => this.toHit(hit));
    const total = (counts as { totalHits?: number }).totalHits ?? 0;
    const distribution = counts.facetDistribution ?? {};
    return {
      ...toConnection(hits, window, async () => total),
      facets: Object.entries(config.facets).map(([name, attribute]) => ({
        name,
        values: Object.entries(distribution[attribute] ?? {})
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      })),
    };
  }

  /**
   * The Meilisearch multi-search queries for one page: the hits, and the exact total with facet
   * counts. Public so benchmarks send the very same request straight to Meilisearch.
   */
  queries(query: string, filter: string[], window: { limit: number; offset: number }): MultiSearchQuery[] {
    const q = withoutStopWords(query);
    const config = searchConfig();
    const facetAttributes = Object.values(config.facets);
    const textFields = (config.settings.searchableAttributes ?? []).filter((a) => a.startsWith('text_') || a === 'transliterated');
    const indexUid = liveIndex(this.indexPrefix);
    return [
          {
            indexUid,
            q,
            filter,
            offset: window.offset,
            // One more than asked tells whether there is a next page.
            limit: window.limit + 1,
            attributesToRetrieve: ['type', 'entityId', 'title', 'language', 'projectIds'],
            attributesToCrop: textFields,
            attributesToHighlight: textFields,
            cropLength: SNIPPET_WORDS,
            highlightPreTag: PRE,
            highlightPostTag: POST,
            showMatchesPosition: true,
          },
          // Exhaustive totalCount and facet counts (offset/limit only estimate the total).
          { indexUid, q, filter, page: 1, hitsPerPage: 0, facets: facetAttributes },
    ];
  }

  private toHit(hit: Hit): SearchHitData {
    return {
      type: hit.type,
      entityId: hit.entityId,
      id: encodeGlobalId(hit.type, hit.entityId),
      title: hit.title,
      language: hit.language,
      snippet: this.snippet(hit),
      projectIds: hit.projectIds ?? [],
    };
  }

  /** The cropped body text with the most matches, escaped for HTML with matches in <mark>. */
  private snippet(hit: Hit): string | null {
    const matched = Object.entries(hit._matchesPosition ?? {})
      .filter(([attr]) => attr.startsWith('text_') || attr === 'transliterated')
      .sort(([, a], [, b]) => b.length - a.length);
    for (const [attr, matches] of matched) {
      const value = hit._formatted?.[attr];
      // Array attributes say which element matched in `indices`.
      const text = Array.isArray(value) ? value[matches[0]?.indices?.[0] ?? 0] : value;
      if (typeof text === 'string' && text.includes(PRE)) {
        return escapeHtml(text).replaceAll(PRE, '<mark>').replaceAll(POST, '</mark>');
      }
    }
    return null;
  }

  /**
   * The Meilisearch filter for the API filter, limited to what `viewer` may see; unknown values
   * are BAD_USER_INPUT with the field at fault. Public for benchmarks.
   */
  async filterExpression(em: EntityManager, f: SearchFilterInput, viewer: Viewer | null): Promise<string[]> {
    const list = (field: keyof SearchFilterInput): string[] | null => {
      const values = f[field] as string[] | null | undefined;
      if (values == null) return null;
      if (!values.length) throw badInput(`filter.${field}`, `filter.${field} must not be empty; leave it out to match any`);
      if (values.length > MAX_FILTER_VALUES) throw badInput(`filter.${field}`, `at most ${MAX_FILTER_VALUES} values`);
      return [...new Set(values.map((v) => v.trim()))];
    };
    const unknown = (field: string, values: string[]) =>
      badInput(`filter.${field}`, `unknown value${values.length > 1 ? 's' : ''} ${values.map((v) => JSON.stringify(v.slice(0, 80))).join(', ')}`);
    const visibility = visibleSearchFilter(viewer);
    const clauses: string[] = visibility ? [visibility] : [];
    const anyOf = (attribute: string, values: (string | number)[]) => clauses.push(`${attribute} IN [${values.map(quote).join(', ')}]`);

    const types = list('types');
    if (types) {
      const bad = types.filter((t) => !isSearchableType(t));
      if (bad.length) throw badInput('filter.types', `unknown type ${bad.map((t) => JSON.stringify(t)).join(', ')}; one of ${SEARCHABLE_TYPES.join(', ')}`);
      anyOf('type', types);
    }
    const langs = list('languages');
    if (langs) {
      const bad = langs.filter((l) => !ISO_639_3.has(l));
      if (bad.length) throw unknown('languages', bad);
      anyOf('languages', langs);
    }
    const countries = list('countries')?.map((c) => c.toUpperCase());
    if (countries) {
      const bad = countries.filter((c) => !isKnownCountry(c));
      if (bad.length) throw unknown('countries', bad);
      anyOf('countries', countries);
    }
    const programmes = list('programmes');
    if (programmes) {
      const found = new Set((await em.find(Programme, { code: { $in: programmes } }, { fields: ['code'] })).map((p) => p.code));
      const bad = programmes.filter((p) => !found.has(p));
      if (bad.length) throw unknown('programmes', bad);
      anyOf('programmes', programmes);
    }
    const themes = list('themes');
    if (themes) {
      const found = new Set((await em.find(Theme, { code: { $in: themes } }, { fields: ['code'] })).map((t) => t.code));
      const bad = themes.filter((t) => !found.has(t));
      if (bad.length) throw unknown('themes', bad);
      anyOf('themes', themes);
    }
    const projects = list('projects');
    if (projects) anyOf('projectIds', await this.projectIds(em, projects));
    const { yearFrom, yearTo } = f;
    for (const [field, year] of [['yearFrom', yearFrom], ['yearTo', yearTo]] as const) {
      if (year != null && (!Number.isInteger(year) || year < 1950 || year > 2100)) throw badInput(`filter.${field}`, `${field} must be a year between 1950 and 2100`);
    }
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) throw badInput('filter.yearFrom', 'yearFrom must not be after yearTo');
    // Records whose years overlap the range; records without years do not match a year filter.
    if (yearFrom != null) clauses.push(`yearTo >= ${yearFrom}`);
    if (yearTo != null) clauses.push(`yearFrom <= ${yearTo}`);
    return clauses;
  }

  /** Projects by global id or by acronym in any spelling ("Clusters Cord" = "CLUSTERS-CORD"). */
  private async projectIds(em: EntityManager, values: string[]): Promise<number[]> {
    const byId = new Map<string, number>();
    const keys = new Map<string, string>();
    for (const v of values) {
      const decoded = (() => {
        try {
          return decodeGlobalId(v, 'filter.projects');
        } catch {
          return null;
        }
      })();
      if (decoded?.typeName === 'Project') byId.set(v, decoded.localId);
      else keys.set(v, acronymKey(v));
    }
    const rows = await em.find(
      Project,
      { $or: [{ id: { $in: [...byId.values()] } }, { acronymKey: { $in: [...keys.values()] } }] },
      { fields: ['id', 'acronymKey'] },
    );
    const ids = new Set(rows.map((r) => r.id));
    const foundKeys = new Set(rows.map((r) => r.acronymKey));
    const bad = [...byId].filter(([, id]) => !ids.has(id)).map(([v]) => v).concat([...keys].filter(([, k]) => !foundKeys.has(k)).map(([v]) => v));
    if (bad.length) throw badInput('filter.projects', `unknown project${bad.length > 1 ? 's' : ''} ${bad.map((v) => JSON.stringify(v.slice(0, 80))).join(', ')}`);
    return [...ids];
  }

  /** Meilisearch failures as typed GraphQL errors; the client's short timeout bounds the wait. */
  private async request<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof GraphQLError) throw err;
      if (err instanceof MeilisearchApiError) {
        const code = err.cause?.code ?? '';
        if (code.startsWith('invalid_search_filter') || code === 'invalid_search_facets') throw badInput('filter', `invalid filter: ${err.message}`);
        if (code.startsWith('invalid_search_q')) throw badInput('query', `invalid query: ${err.message}`);
        if (code.startsWith('invalid_search_offset') || code.startsWith('invalid_search_limit')) throw badInput('after', err.message);
      }
      const unreachable = err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError;
      this.logger?.warn({ err: (err as Error).message }, 'search request to Meilisearch failed');
      throw codedError('SERVICE_UNAVAILABLE', unreachable ? 'search is temporarily unavailable' : 'search failed; try again later', {
        retryable: true,
      });
    }
  }
}
