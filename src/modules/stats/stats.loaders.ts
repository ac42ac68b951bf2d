import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Country } from '../country/country.entity';
import type { ProjectStats } from './stats.types';

/** Which projects a scope covers: SQL yielding (k, project_id) for the keys in :keys. */
const SCOPES = {
  programme: 'select p.programme_id as k, p.id as project_id from project p where p.programme_id in (:keys)',
  country: `select distinct o.country_code as k, pa.project_id from participation pa
    join organisation o on o.id = pa.organisation_id where o.country_code in (:keys)`,
  theme: 'select pt.theme_id as k, pt.project_id from project_theme pt where pt.theme_id in (:keys)',
  organisation: 'select pa.organisation_id as k, pa.project_id from participation pa where pa.organisation_id in (:keys)',
};

interface StatsRow {
  k: string | number;
  projects: string | null;
  partners: string | null;
  outputs: string | null;
  first_year: number | null;
  last_year: number | null;
  countries: string[] | null;
  budgets: { currency: string; amount: string }[] | null;
  contributions: { currency: string; amount: string }[] | null;
}

/**
 * All figures for every key of one scope kind in one statement. The scope's projects are read once,
 * materialised with the columns the figures need (for a programme straight from a covering index),
 * instead of joining the project table again for every figure.
 */
function statsSql(scope: string, placeholders: string): string {
  return `with scope as materialized (
      select s.k, p.id as project_id, p.start_date, p.end_date, p.total_budget_currency, p.total_budget_amount,
        p.eu_contribution_currency, p.eu_contribution_amount
      from (${scope.replace(':keys', placeholders)}) s join project p on p.id = s.project_id),
    projects as (
      select k, count(*) as projects, min(extract(year from start_date))::int as first_year,
        max(extract(year from coalesce(end_date, start_date)))::int as last_year
      from scope group by k),
    partners as (
      select s.k, count(distinct pa.organisation_id) as partners,
        array_remove(array_agg(distinct o.country_code order by o.country_code), null) as countries
      from scope s join participation pa on pa.project_id = s.project_id join organisation o on o.id = pa.organisation_id
      group by s.k),
    outputs as (
      select s.k, count(*) as outputs from scope s join output o on o.project_id = s.project_id
      where o.status = 'PUBLISHED' group by s.k),
    budgets as (
      select k, json_agg(json_build_object('currency', currency, 'amount', amount) order by currency) as budgets from (
        select k, total_budget_currency as currency, sum(total_budget_amount) as amount
        from scope where total_budget_currency is not null group by 1, 2) b group by k),
    contributions as (
      select k, json_agg(json_build_object('currency', currency, 'amount', amount) order by currency) as contributions from (
        select k, eu_contribution_currency as currency, sum(eu_contribution_amount) as amount
        from scope where eu_contribution_currency is not null group by 1, 2) c group by k)
    select projects.k, projects.projects, partners.partners, outputs.outputs, projects.first_year, projects.last_year,
      partners.countries, budgets.budgets, contributions.contributions
    from projects
      left join partners on partners.k = projects.k
      left join outputs on outputs.k = projects.k
      left join budgets on budgets.k = projects.k
      left join contributions on contributions.k = projects.k`;
}

function statsLoader(em: EntityManager, scope: string, countryByCode: DataLoader<string | number, Country | null>) {
  return new DataLoader<string | number, ProjectStats>(async (keys) => {
    const rows = await em.getConnection().execute<StatsRow[]>(statsSql(scope, keys.map(() => '?').join(', ')), [...keys]);
    const byKey = new Map(rows.map((row) => [String(row.k), row]));
    const codes = [...new Set(rows.flatMap((row) => row.countries ?? []))];
    const countries = new Map(codes.map((code, i) => [code, i]));
    const loaded = await countryByCode.loadMany(codes);
    return keys.map((key) => {
      const row = byKey.get(String(key));
      const money = (list: StatsRow['budgets']) => (list ?? []).map((m) => ({ currency: m.currency, amount: Number(m.amount) }));
      return {
        projectCount: Number(row?.projects ?? 0),
        partnerCount: Number(row?.partners ?? 0),
        outputCount: Number(row?.outputs ?? 0),
        totalBudget: money(row?.budgets ?? null),
        euContribution: money(row?.contributions ?? null),
        partnerCountries: (row?.countries ?? []).map((code) => loaded[countries.get(code)!]).filter((c): c is Country => c instanceof Country),
        firstYear: row?.first_year ?? null,
        lastYear: row?.last_year ?? null,
      };
    });
  });
}

/** Aggregates are cached per request like every loader: asking twice costs nothing. */
export function statsLoaders(em: EntityManager, countryByCode: DataLoader<string | number, Country | null>) {
  return {
    statsByProgramme: statsLoader(em, SCOPES.programme, countryByCode),
    statsByCountry: statsLoader(em, SCOPES.country, countryByCode),
    statsByTheme: statsLoader(em, SCOPES.theme, countryByCode),
    statsByOrganisation: statsLoader(em, SCOPES.organisation, countryByCode),
  };
}
