import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../modules/organisation/organisation.entity';
import { Output } from '../modules/output/output.entity';
import { Programme } from '../modules/programme/programme.entity';
import { Participation, Project } from '../modules/project/project.entity';
import type { SearchableType } from '../search/documents';
import { cyrillicToLatin, hasCyrillic } from '../search/transliterate';
import { organisationNameKey } from '../shared/names';
import { acronymKey } from '../shared/text';
import type { RecordType } from './targets';

/** What the writer needs to know about one record type beyond its fields. */
export interface Handler {
  entity: EntityClass<object>;
  /** Keys a new record is matched on when its external id is unknown (in preference order). */
  keys(fields: Record<string, unknown>, refs: Record<string, number>): string[];
  /** Loads the existing records that could match `keys` (and those with the given ids). */
  load(em: EntityManager, keys: string[], ids: number[]): Promise<object[]>;
  /** The keys an existing record is found under. */
  keysOf(entity: object): string[];
  /** Columns computed from the fields (match keys, generated transliterations). */
  derive(entity: object): Record<string, unknown>;
  /** Search documents to refresh when a record of this type changes. */
  searchable(entity: object): [SearchableType, number][];
}

/** Matching names: the name as written, the source's transliteration and our own, all normalised. */
export function nameKeys(name: string, transliteration?: string): string[] {
  const keys = [organisationNameKey(name), transliteration && organisationNameKey(transliteration), hasCyrillic(name) && organisationNameKey(cyrillicToLatin(name))];
  return [...new Set(keys.filter((k): k is string => !!k))];
}

const idOf = (ref: unknown) => (ref as { id: number } | undefined)?.id;
const split = (keys: string[]) => keys.map((k) => k.slice(k.indexOf('|') + 1));

export const HANDLERS: Record<RecordType, Handler> = {
  programme: {
    entity: Programme,
    keys: (f) => [String(f.code)],
    load: (em, keys, ids) => em.find(Programme, { $or: [{ code: { $in: keys } }, { id: { $in: ids } }] }),
    keysOf: (p) => [(p as Programme).code],
    derive: () => ({}),
    searchable: () => [],
  },
  project: {
    entity: Project,
    keys: (f, refs) => [`${refs.programme}|${acronymKey(String(f.acronym))}`],
    load: (em, keys, ids) => em.find(Project, { $or: [{ acronymKey: { $in: split(keys) } }, { id: { $in: ids } }] }),
    keysOf: (p) => [`${idOf((p as Project).programme)}|${(p as Project).acronymKey}`],
    derive: (p) => ({ acronymKey: acronymKey((p as Project).acronym) }),
    searchable: (p) => [['Project', (p as Project).id]],
  },
  organisation: {
    entity: Organisation,
    keys: (f) => nameKeys(String(f.name), f.transliteration as string | undefined).map((k) => `${f.country ?? ''}|${k}`),
    load: (em, keys, ids) => em.find(Organisation, { $or: [{ nameKey: { $in: split(keys) } }, { id: { $in: ids } }] }),
    keysOf: (o) => {
      const org = o as Organisation;
      return [org.nameKey, ...nameKeys(org.name, org.transliteration)].map((k) => `${org.country?.code ?? ''}|${k}`);
    },
    derive: (o) => {
      const org = o as Organisation;
      // A Cyrillic name gets a Latin form, so Latin queries find it; the key uses our own
      // transliteration, not the source's, so every source spelling meets the same key.
      const latin = hasCyrillic(org.name) ? cyrillicToLatin(org.name, org.nameLanguage) : undefined;
      return { transliteration: org.transliteration ?? latin, nameKey: organisationNameKey(latin ?? org.name) };
    },
    searchable: (o) => [['Organisation', (o as Organisation).id]],
  },
  participation: {
    entity: Participation,
    keys: (_, refs) => [`${refs.project}|${refs.organisation}`],
    load: (em, keys, ids) => {
      const pairs = keys.map((k) => k.split('|').map(Number));
      return em.find(Participation, { $or: [{ project: { $in: pairs.map((p) => p[0]) }, organisation: { $in: pairs.map((p) => p[1]) } }, { id: { $in: ids } }] });
    },
    keysOf: (p) => [`${idOf((p as Participation).project)}|${idOf((p as Participation).organisation)}`],
    derive: () => ({}),
    searchable: (p) => [
      ['Project', idOf((p as Participation).project)!],
      ['Organisation', idOf((p as Participation).organisation)!],
    ],
  },
  output: {
    entity: Output,
    keys: (f, refs) => ((f.titles as { text: string }[] | undefined) ?? []).map((t) => `${refs.project}|${t.text.toLowerCase()}`),
    load: (em, keys, ids) => em.find(Output, { $or: [{ project: { $in: keys.map((k) => Number(k.split('|')[0])) } }, { id: { $in: ids } }] }),
    keysOf: (o) => (o as Output).titles.map((t) => `${idOf((o as Output).project)}|${t.text.toLowerCase()}`),
    derive: () => ({}),
    searchable: (o) => [['Output', (o as Output).id]],
  },
};
