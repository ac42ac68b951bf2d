import type { EntityManager } from '@mikro-orm/postgresql';
import { LocalizedValue, pickText } from '../graphql/values';
import { ContributionStatus } from '../modules/output/output.entity';
import { detectLanguage } from '../shared/language-detection';
import { searchConfig, UNDETERMINED } from './settings';
import { transliterations } from './transliterate';

/** The records the search index holds, by GraphQL type name (= entity class name). */
export const SEARCHABLE_TYPES = ['Project', 'Organisation', 'Output', 'BestPractice', 'Policy', 'Document'] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

export function isSearchableType(type: string): type is SearchableType {
  return (SEARCHABLE_TYPES as readonly string[]).includes(type);
}

/** The table of each type, for id scans (reindex, enqueueAll). */
export const TABLES: Record<SearchableType, string> = {
  Project: 'project',
  Organisation: 'organisation',
  Output: 'output',
  BestPractice: 'best_practice',
  Policy: 'policy',
  Document: 'document',
};

/** One record as Meilisearch holds it; see search/settings.yaml for what each attribute is for. */
export interface SearchDocument {
  uid: string;
  type: SearchableType;
  entityId: number;
  title: string;
  language: string | null;
  languages: string[];
  countries: string[];
  programmes: string[];
  projects: string[];
  projectIds: number[];
  themes: string[];
  sectors: string[];
  yearFrom: number | null;
  yearTo: number | null;
  tags: string[];
  transliterated: string[];
  /** Only on unpublished contributions: who may find them besides editors (see visibleSearchFilter). */
  restrictedTo?: string[];
  /** title_<lang>, text_<lang>. */
  [localized: `${'title' | 'text'}_${string}`]: string[];
}

export function searchUid(type: SearchableType, id: number): string {
  return `${type}-${id}`;
}

interface ProjectFacts {
  id: number;
  acronym: string;
  name_variants: string[];
  reference_code: string | null;
  titles: LocalizedValue[];
  statements: LocalizedValue[];
  work_packages: { code: string; titles: LocalizedValue[] }[];
  year_from: number | null;
  year_to: number | null;
  programme_code: string;
  programme_name: string;
  themes: string[];
  sectors: string[];
  countries: string[];
  partner_acronyms: string[];
}

type Vocabulary = Map<string, LocalizedValue[]>;

/** Below this many characters tinyld's answer is unreliable (it took English titles for French). */
const MIN_DETECTABLE_LENGTH = 100;

/** "{1,2,3}": knex would expand a JS array binding into a list, which `= any(?)` cannot take. */
function intArray(ids: number[]): string {
  return `{${ids.map((id) => Math.trunc(id)).join(',')}}`;
}

/** Accumulates one search document: texts per language, tags and the project-derived facets. */
class DocumentDraft {
  private readonly fields = new Map<string, Set<string>>();
  private readonly texts: { text: string; language?: string }[] = [];
  private readonly latinNames = new Set<string>();
  private readonly languages = new Set<string>();
  private readonly sets = {
    countries: new Set<string>(),
    programmes: new Set<string>(),
    projects: new Set<string>(),
    projectIds: new Set<number>(),
    themes: new Set<string>(),
    sectors: new Set<string>(),
    tags: new Set<string>(),
  };
  private readonly yearValues: number[] = [];
  private restrictedTo?: string[];

  constructor(
    private readonly type: SearchableType,
    private readonly id: number,
    private readonly vocabulary: { themes: Vocabulary; sectors: Vocabulary },
  ) {}

  /**
   * Text with a known language, or one detected now (ISO 639-3). Detection on short texts such as
   * names and titles is a guess, so those, and languages outside the settings, go to *_und.
   */
  add(kind: 'title' | 'text', text: string | null | undefined, language?: string | null): void {
    const trimmed = text?.trim();
    if (!trimmed) return;
    const lang = language || (trimmed.length >= MIN_DETECTABLE_LENGTH ? detectLanguage(trimmed) : UNDETERMINED);
    const suffix = searchConfig().languages.includes(lang) ? lang : UNDETERMINED;
    const field = `${kind}_${suffix}`;
    if (!this.fields.has(field)) this.fields.set(field, new Set());
    this.fields.get(field)!.add(trimmed);
    if (suffix !== UNDETERMINED) this.languages.add(suffix);
    this.texts.push({ text: trimmed, language: lang });
  }

  addLocalized(kind: 'title' | 'text', values: LocalizedValue[] | null | undefined): void {
    for (const v of values ?? []) this.add(kind, v.text, v.language);
  }

  /** Language-neutral identifiers; `latin` ones also get a Cyrillic spelling. */
  tag(values: (string | null | undefined)[], latin = false): void {
    for (const v of values) {
      const t = v?.trim();
      if (!t) continue;
      this.sets.tags.add(t);
      if (latin) this.latinNames.add(t);
    }
  }

  languageTags(languages: string[]): void {
    for (const l of languages) this.languages.add(l);
  }

  countries(codes: (string | null | undefined)[]): void {
    for (const c of codes) if (c) this.sets.countries.add(c.trim());
  }

  themes(codes: string[]): void {
    for (const code of codes) {
      this.sets.themes.add(code);
      this.tag([code, ...(this.vocabulary.themes.get(code) ?? []).map((l) => l.text)]);
    }
  }

  sectors(codes: (string | null | undefined)[]): void {
    for (const code of codes) {
      if (!code) continue;
      this.sets.sectors.add(code);
      this.tag([code, ...(this.vocabulary.sectors.get(code) ?? []).map((l) => l.text)]);
    }
  }

  years(...values: (number | null | undefined)[]): void {
    for (const y of values) if (typeof y === 'number') this.yearValues.push(y);
  }

  /** The projects a record belongs to: their tags and facets (countries only when `withCountries`). */
  projects(facts: (ProjectFacts | undefined)[], { withCountries = true, withYears = true } = {}): void {
    for (const p of facts) {
      if (!p) continue;
      this.sets.projects.add(p.acronym);
      this.sets.projectIds.add(p.id);
      this.sets.programmes.add(p.programme_code);
      this.tag([p.acronym, ...p.name_variants, p.reference_code], true);
      this.tag([p.programme_code, p.programme_name]);
      this.themes(p.themes);
      this.sectors(p.sectors);
      if (withCountries) this.countries(p.countries);
      if (withYears) this.years(p.year_from, p.year_to);
    }
  }

  /** An unpublished contribution is found only by its registering organisation and by editors. */
  moderation(status: ContributionStatus, submittedById: number | null): void {
    if (status !== ContributionStatus.PUBLISHED) this.restrictedTo = submittedById ? [`org:${submittedById}`] : [];
  }

  programmes(codes: string[]): void {
    for (const c of codes) this.sets.programmes.add(c);
    this.tag(codes);
  }

  build(title: string, language: string | null): SearchDocument {
    const arr = <T>(s: Set<T>) => [...s];
    const doc: SearchDocument = {
      uid: searchUid(this.type, this.id),
      type: this.type,
      entityId: this.id,
      title,
      language,
      languages: arr(this.languages).sort(),
      countries: arr(this.sets.countries).sort(),
      programmes: arr(this.sets.programmes).sort(),
      projects: arr(this.sets.projects).sort(),
      projectIds: arr(this.sets.projectIds).sort((a, b) => a - b),
      themes: arr(this.sets.themes).sort(),
      sectors: arr(this.sets.sectors).sort(),
      yearFrom: this.yearValues.length ? Math.min(...this.yearValues) : null,
      yearTo: this.yearValues.length ? Math.max(...this.yearValues) : null,
      tags: arr(this.sets.tags),
      transliterated: transliterations(this.texts, arr(this.latinNames)),
      ...(this.restrictedTo && { restrictedTo: this.restrictedTo }),
    };
    for (const [field, values] of this.fields) doc[field as `title_${string}`] = [...values];
    return doc;
  }
}

/** The first source (non-translated) text of a list, with its language. */
function primary(values: LocalizedValue[] | null | undefined): { text: string | null; language: string | null } {
  const text = pickText(values);
  return { text, language: (values ?? []).find((v) => v.text === text)?.language ?? null };
}

async function loadVocabulary(em: EntityManager): Promise<{ themes: Vocabulary; sectors: Vocabulary }> {
  const rows = await em
    .getConnection()
    .execute<{ kind: string; code: string; labels: LocalizedValue[] }[]>(
      `select 'theme' as kind, code, labels from theme union all select 'sector', code, labels from sector`,
    );
  const themes: Vocabulary = new Map();
  const sectors: Vocabulary = new Map();
  for (const r of rows) (r.kind === 'theme' ? themes : sectors).set(r.code, r.labels);
  return { themes, sectors };
}

async function loadProjectFacts(em: EntityManager, ids: number[]): Promise<Map<number, ProjectFacts>> {
  if (!ids.length) return new Map();
  const rows = await em.getConnection().execute<ProjectFacts[]>(
    `select p.id, p.acronym, p.name_variants, p.reference_code, p.titles, p.statements, p.work_packages,
            coalesce(extract(year from p.start_date)::int, c.year, pg.period_start) as year_from,
            coalesce(extract(year from p.end_date)::int, pg.period_end) as year_to,
            pg.code as programme_code, pg.name as programme_name,
            array(select t.code from project_theme pt join theme t on t.id = pt.theme_id where pt.project_id = p.id order by t.code) as themes,
            array(select s.code from project_sector ps join sector s on s.id = ps.sector_id where ps.project_id = p.id order by s.code) as sectors,
            array(select distinct o.country_code from participation pa join organisation o on o.id = pa.organisation_id
                   where pa.project_id = p.id and o.country_code is not null) as countries,
            array(select distinct a from participation pa join organisation o on o.id = pa.organisation_id, unnest(o.acronyms) a
                   where pa.project_id = p.id) as partner_acronyms
       from project p join programme pg on pg.id = p.programme_id left join call c on c.id = p.call_id
      where p.id = any(?::int[])`,
    [intArray(ids)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

type Row = Record<string, unknown> & { id: number };
type Build = (draft: DocumentDraft, row: Row, projects: Map<number, ProjectFacts>) => SearchDocument;

interface TypeSpec {
  /** One statement: the current rows of `ids`. */
  sql: string;
  /** The projects each row needs facts of. */
  projectIds(row: Row): number[];
  build: Build;
}

const projectsOf = (row: Row) => (row.project_ids as number[] | null) ?? (row.project_id ? [row.project_id as number] : []);

const SPECS: Record<SearchableType, TypeSpec> = {
  Project: {
    sql: `select id from project where id = any(?::int[])`,
    projectIds: (row) => [row.id],
    build(d, row, projects) {
      const p = projects.get(row.id)!;
      d.addLocalized('title', p.titles);
      d.addLocalized('text', p.statements);
      for (const wp of p.work_packages ?? []) d.addLocalized('text', wp.titles);
      d.tag(p.partner_acronyms, true);
      d.projects([p]);
      const { text, language } = primary(p.titles);
      return d.build(text ?? p.acronym, language);
    },
  },
  Organisation: {
    sql: `select o.id, o.name, o.name_language, o.name_en, o.transliteration, o.acronyms, o.country_code, o.region, o.city,
                 array(select distinct pa.project_id from participation pa where pa.organisation_id = o.id) as project_ids
            from organisation o where o.id = any(?::int[])`,
    projectIds: projectsOf,
    build(d, row, projects) {
      const name = row.name as string;
      d.add('title', name, row.name_language as string | null);
      d.add('title', row.name_en as string | null, 'eng');
      d.tag([name, row.name_en as string | null, row.transliteration as string | null, ...(row.acronyms as string[])], true);
      d.tag([row.region as string | null, row.city as string | null]);
      d.countries([row.country_code as string | null]);
      // An organisation is in its own country, not in every partner country of its projects.
      d.projects(projectsOf(row).map((id) => projects.get(id)), { withCountries: false });
      return d.build(name, (row.name_language as string | null) ?? null);
    },
  },
  Output: {
    sql: `select o.id, o.status, o.submitted_by_id, o.titles, o.descriptions, o.languages, o.type, o.project_id, extract(year from o.date)::int as year,
                 array(select distinct org.country_code from output_producer op join organisation org on org.id = op.organisation_id
                        where op.output_id = o.id and org.country_code is not null) as producer_countries,
                 array(select org.name from output_producer op join organisation org on org.id = op.organisation_id
                        where op.output_id = o.id) as producer_names
            from output o where o.id = any(?::int[])`,
    projectIds: projectsOf,
    build(d, row, projects) {
      d.addLocalized('title', row.titles as LocalizedValue[]);
      d.addLocalized('text', row.descriptions as LocalizedValue[]);
      d.languageTags(row.languages as string[]);
      d.tag([row.type as string, ...(row.producer_names as string[])]);
      d.countries(row.producer_countries as string[]);
      d.years(row.year as number | null);
      d.projects([projects.get(row.project_id as number)], { withYears: row.year == null });
      d.moderation(row.status as ContributionStatus, row.submitted_by_id as number | null);
      const { text, language } = primary(row.titles as LocalizedValue[]);
      return d.build(text ?? '', language);
    },
  },
  BestPractice: {
    sql: `select b.id, b.status, b.submitted_by_id, b.titles, b.summaries, b.evidence, b.transferability, b.cluster_name, b.country_code, b.project_id,
                 org.name as organisation_name, org.country_code as organisation_country, s.code as sector,
                 array(select t.code from best_practice_theme bt join theme t on t.id = bt.theme_id where bt.best_practice_id = b.id) as themes
            from best_practice b left join organisation org on org.id = b.organisation_id left join sector s on s.id = b.sector_id
           where b.id = any(?::int[])`,
    projectIds: projectsOf,
    build(d, row, projects) {
      d.addLocalized('title', row.titles as LocalizedValue[]);
      d.addLocalized('text', row.summaries as LocalizedValue[]);
      d.add('text', row.evidence as string | null);
      d.add('text', row.transferability as string | null);
      d.tag([row.cluster_name as string | null, row.organisation_name as string | null], true);
      d.themes(row.themes as string[]);
      d.sectors([row.sector as string | null]);
      const own = (row.country_code ?? row.organisation_country) as string | null;
      d.countries([own]);
      d.projects([projects.get(row.project_id as number)], { withCountries: !own });
      d.moderation(row.status as ContributionStatus, row.submitted_by_id as number | null);
      const { text, language } = primary(row.titles as LocalizedValue[]);
      return d.build(text ?? '', language);
    },
  },
  Policy: {
    sql: `select p.id, p.names, p.descriptions, p.level, p.territory,
                 array(select pp.project_id from policy_project pp where pp.policy_id = p.id) as project_ids,
                 array(select t.code from policy_theme pt join theme t on t.id = pt.theme_id where pt.policy_id = p.id) as themes
            from policy p where p.id = any(?::int[])`,
    projectIds: projectsOf,
    build(d, row, projects) {
      d.addLocalized('title', row.names as LocalizedValue[]);
      d.addLocalized('text', row.descriptions as LocalizedValue[]);
      d.tag([row.level as string | null, row.territory as string | null]);
      d.themes(row.themes as string[]);
      d.projects(projectsOf(row).map((id) => projects.get(id)));
      const { text, language } = primary(row.names as LocalizedValue[]);
      return d.build(text ?? '', language);
    },
  },
  Document: {
    sql: `select d.id, d.title, d.language, d.text,
                 array(select dp.project_id from document_project dp where dp.document_id = d.id) as project_ids,
                 array(select pg.code from document_programme dg join programme pg on pg.id = dg.programme_id where dg.document_id = d.id) as programmes,
                 array(select o.name from document_organisation dorg join organisation o on o.id = dorg.organisation_id where dorg.document_id = d.id) as organisation_names,
                 array(select o.country_code from document_organisation dorg join organisation o on o.id = dorg.organisation_id
                        where dorg.document_id = d.id and o.country_code is not null) as organisation_countries
            from document d where d.id = any(?::int[])`,
    projectIds: projectsOf,
    build(d, row, projects) {
      const title = row.title as string;
      // Curators' descriptions of the source, language not recorded; detection guesses wrong on them.
      d.add('title', title, UNDETERMINED);
      d.add('text', row.text as string, row.language as string);
      d.tag(row.organisation_names as string[], true);
      d.countries(row.organisation_countries as string[]);
      d.programmes(row.programmes as string[]);
      d.projects(projectsOf(row).map((id) => projects.get(id)));
      return d.build(title, row.language as string);
    },
  },
};

/**
 * The current search documents of `ids`, loaded in a constant number of statements (the rows,
 * their projects' facts, the vocabularies). Ids missing from the result are gone: the caller
 * deletes them from the index.
 */
export async function buildDocuments(em: EntityManager, type: SearchableType, ids: number[]): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  const spec = SPECS[type];
  const conn = em.getConnection();
  const [rows, vocabulary] = await Promise.all([conn.execute<Row[]>(spec.sql, [intArray(ids)]), loadVocabulary(em)]);
  const projects = await loadProjectFacts(em, [...new Set(rows.flatMap(spec.projectIds))]);
  return rows.map((row) => spec.build(new DocumentDraft(type, row.id, vocabulary), row, projects));
}

/** Ids of one type in id order, a page at a time (reindex, enqueueAll). */
export async function idsAfter(em: EntityManager, type: SearchableType, afterId: number, limit: number): Promise<number[]> {
  const rows = await em
    .getConnection()
    .execute<{ id: number }[]>(`select id from ${TABLES[type]} where id > ? order by id limit ?`, [afterId, limit]);
  return rows.map((r) => r.id);
}

export async function countRecords(em: EntityManager): Promise<number> {
  const sql = SEARCHABLE_TYPES.map((t) => `(select count(*) from ${TABLES[t]})`).join(' + ');
  const [row] = await em.getConnection().execute<{ n: string }[]>(`select ${sql} as n`);
  return Number(row.n);
}
