import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { z } from 'zod';
import { Meilisearch, Settings, waitForTask } from './meili';

/** search/ at the repository root holds the settings file and the thesaurus. */
export const SEARCH_CONFIG_DIR = path.resolve(__dirname, '..', '..', 'search');

/** Text in a language outside settings.yaml's list is indexed without a locale under this suffix. */
export const UNDETERMINED = 'und';

const fileSchema = z.object({
  languages: z.array(z.string().regex(/^[a-z]{3}$/)).min(1),
  searchableAttributes: z.array(z.string()).min(1),
  rankingRules: z.array(z.string()).min(1),
  typoTolerance: z.object({
    enabled: z.boolean(),
    minWordSizeForTypos: z.object({ oneTypo: z.number().int(), twoTypos: z.number().int() }),
    disableOnAttributes: z.array(z.string()),
  }),
  stopWords: z.record(z.string(), z.array(z.string())),
  filterableAttributes: z.array(z.string()),
  sortableAttributes: z.array(z.string()),
  facets: z.record(z.string(), z.string()),
  faceting: z.object({ maxValuesPerFacet: z.number().int(), sortFacetValuesBy: z.record(z.string(), z.enum(['alpha', 'count'])) }),
  pagination: z.object({ maxTotalHits: z.number().int() }),
  searchCutoffMs: z.number().int(),
});

const thesaurusSchema = z.object({
  concepts: z.record(z.string(), z.record(z.string().regex(/^[a-z]{3}$/), z.array(z.string().min(1)))),
});

export interface SearchConfig {
  languages: string[];
  /** API facet name (= SearchFilter field) → document attribute. */
  facets: Record<string, string>;
  /** The Meilisearch settings every index gets. */
  settings: Settings;
}

let cached: SearchConfig | undefined;

/** Reads search/settings.yaml and search/thesaurus.yaml once per process. */
export function searchConfig(dir = SEARCH_CONFIG_DIR): SearchConfig {
  if (cached && dir === SEARCH_CONFIG_DIR) return cached;
  const file = fileSchema.parse(YAML.parse(readFileSync(path.join(dir, 'settings.yaml'), 'utf8')));
  const thesaurus = thesaurusSchema.parse(YAML.parse(readFileSync(path.join(dir, 'thesaurus.yaml'), 'utf8')));
  const suffixes = [...file.languages, UNDETERMINED];
  const stopWords = [...new Set(Object.values(file.stopWords).flat().map((w) => w.toLowerCase()))].sort();
  const expand = (attrs: string[]) => attrs.flatMap((a) => (a.includes('{lang}') ? suffixes.map((l) => a.replace('{lang}', l)) : [a]));
  const config: SearchConfig = {
    languages: file.languages,
    facets: file.facets,
    settings: {
      searchableAttributes: expand(file.searchableAttributes),
      // Meilisearch crops and reports matches only in displayed attributes; searches name what they retrieve.
      displayedAttributes: ['*'],
      filterableAttributes: file.filterableAttributes,
      sortableAttributes: file.sortableAttributes,
      rankingRules: file.rankingRules,
      typoTolerance: file.typoTolerance,
      stopWords,
      synonyms: synonymsFrom(thesaurus.concepts, new Set(stopWords)),
      localizedAttributes: file.languages.map((l) => ({ attributePatterns: [`*_${l}`], locales: [l] })),
      faceting: file.faceting,
      pagination: file.pagination,
      searchCutoffMs: file.searchCutoffMs,
    },
  };
  if (dir === SEARCH_CONFIG_DIR) cached = config;
  return config;
}

/**
 * Every term of a concept is a synonym of every other term of it (multi-way). A multi-word term
 * with stop words is registered with and without them: a query keeps them when it looks up
 * synonyms ("agenzia di sviluppo regionale"), documents are matched on the words that count.
 */
export function synonymsFrom(concepts: Record<string, Record<string, string[]>>, stopWords = new Set<string>()): Record<string, string[]> {
  const forms = (term: string) => {
    const words = term.toLowerCase().trim().split(/\s+/);
    const kept = words.filter((w) => !stopWords.has(w));
    return kept.length ? [words.join(' '), kept.join(' ')] : [words.join(' ')];
  };
  const synonyms: Record<string, string[]> = {};
  for (const [name, byLanguage] of Object.entries(concepts)) {
    const terms = [...new Set([name, ...Object.values(byLanguage).flat()].flatMap(forms))];
    for (const term of terms) {
      const others = terms.filter((t) => t !== term);
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...others])].sort();
    }
  }
  return synonyms;
}

/** Keys whose value Meilisearch may hand back in another order without a change in meaning. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords', 'displayedAttributes']);

/** Meilisearch may return words in another Unicode normalization form than it was sent. */
function nfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfc);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfc(v)]));
  return value;
}

function canonical(key: string, raw: unknown): unknown {
  const value = nfc(raw);
  if (key === 'synonyms' && value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, string[]>).map(([k, v]) => [k, [...v].sort()]).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  }
  if (key === 'typoTolerance' && value && typeof value === 'object') {
    const { disableOnAttributes, disableOnWords: _w, disableOnNumbers: _n, ...rest } = value as Record<string, unknown>;
    return { ...rest, disableOnAttributes: [...((disableOnAttributes as string[]) ?? [])].sort() };
  }
  if (UNORDERED.has(key) && Array.isArray(value)) return [...value].sort();
  return value;
}

/** The settings keys whose current value differs from the wanted one. */
export function settingsDiff(current: Settings, wanted: Settings): (keyof Settings)[] {
  return (Object.keys(wanted) as (keyof Settings)[]).filter(
    (key) => !isDeepStrictEqual(canonical(key, current[key]), canonical(key, wanted[key])),
  );
}

/**
 * Creates the index when missing and brings its settings to the wanted ones, sending only what
 * differs and waiting for the task; a second call with unchanged files sends nothing.
 */
export async function applySettings(client: Meilisearch, indexUid: string, settings = searchConfig().settings): Promise<(keyof Settings)[]> {
  const exists = await client.getRawIndex(indexUid).then(
    () => true,
    (err: { cause?: { code?: string } }) => {
      if (err.cause?.code === 'index_not_found') return false;
      throw err;
    },
  );
  if (!exists) {
    const created = await client.tasks.waitForTask((await client.createIndex(indexUid, { primaryKey: 'uid' })).taskUid);
    // Another process (the outbox worker, a reindex) may have created it since we looked.
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') {
      throw new Error(`creating Meilisearch index ${indexUid} failed: ${created.error?.message ?? created.status}`);
    }
  }
  const index = client.index(indexUid);
  const changed = settingsDiff(await index.getSettings(), settings);
  if (changed.length) {
    const patch = Object.fromEntries(changed.map((k) => [k, settings[k]])) as Settings;
    await waitForTask(client, (await index.updateSettings(patch)).taskUid);
  }
  return changed;
}
