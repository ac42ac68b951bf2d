import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { readQuery } from '../../db/loaders';
import { badInput } from '../../graphql/errors';
import { ConnectionShape, pageWindow, toConnection } from '../../graphql/connection';
import { isKnownCountry } from '../country/country.codes';
import { Programme } from '../programme/programme.entity';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';
import { acronymKey } from '../../shared/text';
import { OrderDirection, ProjectFilter, ProjectOrder, ProjectOrderField } from './project.inputs';
import { Project } from './project.entity';

const ORDER_COLUMNS: Record<ProjectOrderField, string> = {
  [ProjectOrderField.ACRONYM]: 'p.acronym_key',
  [ProjectOrderField.START_DATE]: 'p.start_date',
  [ProjectOrderField.END_DATE]: 'p.end_date',
  [ProjectOrderField.TOTAL_BUDGET]: 'p.total_budget_amount',
};

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

/** The one project with this acronym, matched ignoring case, spaces and punctuation. */
export async function findProjectByAcronym(em: EntityManager, acronym: string, programmeCode?: string | null) {
  const key = acronymKey(acronym);
  if (!key) return null;
  const where = programmeCode ? { acronymKey: key, programme: { code: programmeCode } } : { acronymKey: key };
  const [project] = await em.find(Project, where, { orderBy: { id: 'asc' }, limit: 1 });
  return project ?? null;
}

export async function listProjects(
  em: EntityManager,
  filter: ProjectFilter | null | undefined,
  order: ProjectOrder | null | undefined,
  page: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Project>> {
  const window = pageWindow(page);
  const qb = em.createQueryBuilder(Project, 'p');
  await applyFilter(em, qb, filter ?? {});
  const countQb = qb.clone();
  const direction = order?.direction === OrderDirection.DESC ? 'desc nulls last' : 'asc nulls last';
  const column = ORDER_COLUMNS[order?.field ?? ProjectOrderField.ACRONYM];
  qb.orderBy({ [`${column}`]: direction, 'p.id': 'asc' } as never);
  const rows = window.limit === 0 ? [] : await readQuery(em, Project, qb.limit(window.limit + 1).offset(window.offset));
  return toConnection(rows, window, () => countQb.getCount());
}

function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** Unknown codes are the client's mistake, not an empty result: they fail with the field at fault. */
async function requireKnown(em: EntityManager, entity: typeof Programme | typeof Theme | typeof Sector, codes: string[], field: string) {
  const found = await em.find(entity, { code: { $in: codes } }, { fields: ['code'] as never });
  const known = new Set(found.map((row) => row.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length) throw badInput(field, `unknown ${field.split('.').pop()}: ${unknown.join(', ')}`);
  return found.map((row) => row.id);
}

async function applyFilter(em: EntityManager, qb: QueryBuilder<Project>, filter: ProjectFilter): Promise<void> {
  if (filter.programmes?.length) {
    const ids = await requireKnown(em, Programme, filter.programmes, 'filter.programmes');
    qb.andWhere({ programme: { $in: ids } });
  }
  if (filter.countries?.length) {
    const unknown = filter.countries.filter((code) => !isKnownCountry(code));
    if (unknown.length) throw badInput('filter.countries', `unknown country codes: ${unknown.join(', ')}`);
    qb.andWhere(
      `exists (select 1 from participation pa join organisation o on o.id = pa.organisation_id where pa.project_id = p.id and o.country_code in (${placeholders(filter.countries)}))`,
      filter.countries,
    );
  }
  if (filter.themes?.length) {
    const ids = await requireKnown(em, Theme, filter.themes, 'filter.themes');
    qb.andWhere(`exists (select 1 from project_theme pt where pt.project_id = p.id and pt.theme_id in (${placeholders(ids)}))`, ids);
  }
  if (filter.sectors?.length) {
    const ids = await requireKnown(em, Sector, filter.sectors, 'filter.sectors');
    qb.andWhere(`exists (select 1 from project_sector ps where ps.project_id = p.id and ps.sector_id in (${placeholders(ids)}))`, ids);
  }
  if (filter.statuses?.length) qb.andWhere({ status: { $in: filter.statuses } });
  for (const [field, year] of [['filter.yearFrom', filter.yearFrom], ['filter.yearTo', filter.yearTo]] as const) {
    if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) throw badInput(field, `year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  if (filter.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo) {
    throw badInput('filter.yearFrom', 'yearFrom must not be after yearTo');
  }
  if (filter.yearFrom != null) qb.andWhere({ endDate: { $gte: `${filter.yearFrom}-01-01` } });
  if (filter.yearTo != null) qb.andWhere({ startDate: { $lte: `${filter.yearTo}-12-31` } });
  if (filter.text != null) {
    const words = filter.text.trim().split(/\s+/).filter(Boolean);
    if (!words.length || filter.text.length > 200) throw badInput('filter.text', 'text must have 1 to 200 characters');
    for (const word of words) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(p.acronym ilike ? or array_to_string(p.name_variants, ' ') ilike ? or p.titles::text ilike ?)`, [pattern, pattern, pattern]);
    }
  }
}
