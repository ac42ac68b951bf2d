import type { LoadRequest } from './lib/load';

/** What each scenario asks, per target. `key(i)` varies the record so caches do not flatter anyone. */
export interface Scenario {
  id: string;
  title: string;
  clusterbase: (key: string) => LoadRequest;
  postgraphile?: (key: string) => LoadRequest;
  raw?: (key: string) => LoadRequest;
  meilisearch?: (key: string) => LoadRequest;
  keys: 'acronyms' | 'programmes' | 'queries';
}

const graphql = (query: string, variables: Record<string, unknown>): LoadRequest => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

export const PROJECT_PAGE = `query ($acronym: String!) { project(acronym: $acronym) {
  acronym title startDate endDate totalBudget { amount currency } programme { code name }
  partners { role organisation { name country { code name } } }
  outputs(first: 10) { totalCount nodes { type title } } themes { code label }
  relatedProjects(first: 5) { score reasons project { acronym } } } }`;

const PROJECT_PAGE_POSTGRAPHILE = `query ($acronym: String!) { allProjects(condition: { acronymKey: $acronym }) { nodes {
  acronym titles startDate endDate totalBudgetAmount totalBudgetCurrency programmeByProgrammeId { code name }
  participationsByProjectId { nodes { role organisationByOrganisationId { name countryByCountryCode { code name } } } }
  outputsByProjectId(first: 10) { totalCount nodes { type titles } }
  projectThemesByProjectId { nodes { themeByThemeId { code labels } } } } } }`;

const PROJECT_LIST = `query ($programme: String!) { projects(first: 50, filter: { programmes: [$programme] }) {
  nodes { acronym partners { role organisation { name country { code } } } } } }`;

const PROJECT_LIST_POSTGRAPHILE = `query ($programme: String!) { programmeByCode(code: $programme) {
  projectsByProgrammeId(first: 50, orderBy: [ACRONYM_KEY_ASC, ID_ASC]) { nodes { acronym
    participationsByProjectId { nodes { role organisationByOrganisationId { name countryCode } } } } } } }`;

const DASHBOARD = `query ($programme: String!) { programme(code: $programme) { name
  stats { projectCount partnerCount outputCount totalBudget { amount currency } }
  calls { ordinal name } projects(first: 10) { totalCount nodes { acronym } } } }`;

const DASHBOARD_POSTGRAPHILE = `query ($programme: String!) { programmeByCode(code: $programme) { name
  callsByProgrammeId { nodes { ordinal name } }
  projectsByProgrammeId(first: 10, orderBy: [ACRONYM_KEY_ASC, ID_ASC]) { totalCount nodes { acronym } } } }`;

export const REGISTER_OUTPUT = `mutation ($input: RegisterOutputInput!) { registerOutput(input: $input) { output { id } userErrors { code } } }`;

export const SEARCH = `query ($query: String!) { search(query: $query, first: 10, filter: { types: ["Project", "Output"] }) {
  totalCount nodes { type title snippet } facets { name values { value count } } } }`;

export const SCENARIOS: Scenario[] = [
  {
    id: 'a',
    title: 'project page',
    keys: 'acronyms',
    clusterbase: (acronym) => graphql(PROJECT_PAGE, { acronym }),
    postgraphile: (acronym) => graphql(PROJECT_PAGE_POSTGRAPHILE, { acronym }),
    raw: (acronym) => ({ method: 'GET', path: `/project?key=${encodeURIComponent(acronym)}` }),
  },
  {
    id: 'b',
    title: 'list of 50 projects with partners',
    keys: 'programmes',
    clusterbase: (programme) => graphql(PROJECT_LIST, { programme }),
    postgraphile: (programme) => graphql(PROJECT_LIST_POSTGRAPHILE, { programme }),
    raw: (programme) => ({ method: 'GET', path: `/list?key=${encodeURIComponent(programme)}` }),
  },
  {
    id: 'c',
    title: 'programme dashboard with aggregates',
    keys: 'programmes',
    clusterbase: (programme) => graphql(DASHBOARD, { programme }),
    postgraphile: (programme) => graphql(DASHBOARD_POSTGRAPHILE, { programme }),
    raw: (programme) => ({ method: 'GET', path: `/dashboard?key=${encodeURIComponent(programme)}` }),
  },
];
