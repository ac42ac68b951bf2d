import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, ObjectType } from 'type-graphql';
import { Project, ProjectLinkKind } from './project.entity';

/**
 * How related two projects are. Each signal adds its weight (per shared item, capped); the reasons
 * say which signals fired. Documented in the README ("Related projects").
 */
export const RELATED_WEIGHTS = {
  statedLink: 5,
  sharedPartner: 3,
  sharedTheme: 1.5,
  sharedSector: 1.5,
  sharedCountry: 0.5,
  sameProgramme: 1,
  textSimilarity: 4,
} as const;
const MAX_COUNTED = 5;
/** Candidates considered per project and signal: programmes and popular themes hold thousands of projects. */
const PROGRAMME_CANDIDATES = 10;
const CANDIDATES_PER_SIGNAL = 15;
/**
 * Sharers read per partner, theme or sector, newest projects first: a popular theme is shared by
 * tens of thousands of projects at scale, and counting them all cost more than the whole page.
 */
const SHARERS_PER_ITEM = 300;

@ObjectType({ description: 'A project related to another one, with the score and the reasons.' })
export class RelatedProject {
  @Field(() => Project)
  project!: Project;

  @Field(() => Float, { description: 'Higher is more related; see the README for the formula.' })
  score!: number;

  @Field(() => [String], { description: 'Human-readable reasons, strongest first.' })
  reasons!: string[];
}

interface SignalRow {
  src: number;
  cand: number;
  links: ProjectLinkKind[] | null;
  partners: string[] | null;
  themes: string[] | null;
  sectors: string[] | null;
  countries: string[] | null;
  same_programme: boolean;
}

const label = (alias: string) =>
  `coalesce((select x->>'text' from jsonb_array_elements(${alias}.labels) x where x->>'language' = 'eng' limit 1), ${alias}.code)`;

/**
 * Every structured signal for every (source, candidate) pair of the batch, in one statement.
 * Candidates come from each signal's strongest matches (CANDIDATES_PER_SIGNAL per source, most
 * shared items first, among the newest SHARERS_PER_ITEM projects sharing each item, read from
 * the (item, project) indexes), so a popular theme or partner does not drag thousands of pairs
 * along; the reasons are then gathered for those pairs only.
 */
function signalsSql(placeholders: string): string {
  const top = (from: string, item: string) => `
      select src.id as src, c.cand from src cross join lateral (
        select b.project_id as cand from ${from} a cross join lateral (
          select s.project_id from ${from} s where s.${item} = a.${item} and s.project_id <> a.project_id
          order by s.project_id desc limit ${SHARERS_PER_ITEM}) b
        where a.project_id = src.id group by b.project_id order by count(*) desc, b.project_id limit ${CANDIDATES_PER_SIGNAL}) c`;
  return `with src as (select p.id, p.programme_id from project p where p.id in (${placeholders})),
    pairs as (
      ${top('participation', 'organisation_id')}
      union ${top('project_theme', 'theme_id')}
      union ${top('project_sector', 'sector_id')}
      union select l.project_id, l.target_project_id from project_link l join src on src.id = l.project_id where l.target_project_id is not null
      union select l.target_project_id, l.project_id from project_link l join src on src.id = l.target_project_id
      union select src.id, other.id from src join lateral (select o.id from project o where o.programme_id = src.programme_id
        and o.id <> src.id order by o.id limit ${PROGRAMME_CANDIDATES}) other on true)
    select pr.src, pr.cand,
      (select array_agg(distinct l.kind) from project_link l
        where (l.project_id = pr.src and l.target_project_id = pr.cand) or (l.project_id = pr.cand and l.target_project_id = pr.src)) as links,
      (select array_agg(distinct coalesce(o.name_en, o.name)) from participation a join participation b on b.organisation_id = a.organisation_id
        join organisation o on o.id = a.organisation_id where a.project_id = pr.src and b.project_id = pr.cand) as partners,
      (select array_agg(distinct ${label('t')}) from project_theme a join project_theme b on b.theme_id = a.theme_id
        join theme t on t.id = a.theme_id where a.project_id = pr.src and b.project_id = pr.cand) as themes,
      (select array_agg(distinct ${label('s')}) from project_sector a join project_sector b on b.sector_id = a.sector_id
        join sector s on s.id = a.sector_id where a.project_id = pr.src and b.project_id = pr.cand) as sectors,
      (select array_agg(distinct oa.country_code) from participation a join organisation oa on oa.id = a.organisation_id
        join participation b on b.project_id = pr.cand join organisation ob on ob.id = b.organisation_id
        where a.project_id = pr.src and ob.country_code = oa.country_code) as countries,
      (select p.programme_id = q.programme_id from project p, project q where p.id = pr.src and q.id = pr.cand) as same_programme
    from pairs pr`;
}

export function relatedSignalsLoader(em: EntityManager): DataLoader<number, SignalRow[]> {
  return new DataLoader(async (ids) => {
    const rows = await em.getConnection().execute<SignalRow[]>(signalsSql(ids.map(() => '?').join(', ')), [...ids]);
    const bySource = new Map<number, SignalRow[]>(ids.map((id) => [id, []]));
    for (const row of rows) bySource.get(row.src)?.push(row);
    return ids.map((id) => bySource.get(id) ?? []);
  });
}

const vocabularies = new WeakMap<Project, Set<string>>();

/** Words of four letters or more from the project's titles, name variants and statements (memoised per loaded project). */
function vocabulary(project: Project): Set<string> {
  const known = vocabularies.get(project);
  if (known) return known;
  const text = [project.acronym, ...project.nameVariants, ...project.titles.map((t) => t.text), ...project.statements.map((s) => s.text)]
    .join(' ')
    .toLowerCase();
  const words = new Set(text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4));
  vocabularies.set(project, words);
  return words;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

const list = (items: string[]) => [...items].sort((x, y) => x.localeCompare(y)).join(', ');
const plural = (n: number, word: string) => `${n} shared ${word}${n === 1 ? '' : 's'}`;

/** Scores the candidates of one project; deterministic: score, then acronym, then id. */
export function rankRelated(
  source: Project,
  signals: SignalRow[],
  candidates: Map<number, Project>,
  programmeName: string,
  first: number,
): RelatedProject[] {
  const sourceWords = vocabulary(source);
  const ranked = signals.flatMap((row) => {
    const project = candidates.get(row.cand);
    if (!project) return [];
    const parts: [number, string][] = [];
    const add = (weight: number, count: number, reason: string) => {
      if (count > 0) parts.push([weight * Math.min(count, MAX_COUNTED), reason]);
    };
    add(RELATED_WEIGHTS.statedLink, row.links?.length ?? 0, `stated link: ${list((row.links ?? []).map((k) => k.toLowerCase().replace(/_/g, ' ')))}`);
    add(RELATED_WEIGHTS.sharedPartner, row.partners?.length ?? 0, `${plural(row.partners?.length ?? 0, 'partner')}: ${list(row.partners ?? [])}`);
    add(RELATED_WEIGHTS.sharedTheme, row.themes?.length ?? 0, `${plural(row.themes?.length ?? 0, 'theme')}: ${list(row.themes ?? [])}`);
    add(RELATED_WEIGHTS.sharedSector, row.sectors?.length ?? 0, `${plural(row.sectors?.length ?? 0, 'sector')}: ${list(row.sectors ?? [])}`);
    add(
      RELATED_WEIGHTS.sharedCountry,
      row.countries?.length ?? 0,
      `${plural(row.countries?.length ?? 0, 'partner country').replace('countrys', 'countries')}: ${list(row.countries ?? [])}`,
    );
    add(RELATED_WEIGHTS.sameProgramme, row.same_programme ? 1 : 0, `same programme: ${programmeName}`);
    const similarity = jaccard(sourceWords, vocabulary(project));
    if (similarity >= 0.05) parts.push([RELATED_WEIGHTS.textSimilarity * similarity, `similar wording (${Math.round(similarity * 100)}% shared words)`]);
    parts.sort((a, b) => b[0] - a[0]);
    const score = Math.round(parts.reduce((sum, [weight]) => sum + weight, 0) * 1000) / 1000;
    return score > 0 ? [{ project, score, reasons: parts.map(([, reason]) => reason) }] : [];
  });
  ranked.sort((a, b) => b.score - a.score || a.project.acronymKey.localeCompare(b.project.acronymKey) || a.project.id - b.project.id);
  return ranked.slice(0, first);
}
