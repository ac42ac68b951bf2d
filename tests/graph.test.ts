import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
const SYNTHETIC = 'synthetic-2021-2027';

/**
 * 60 synthetic projects in their own programme, each with 3 partners (from 20 organisations in 4
 * countries), 2 themes and 2 outputs: enough to tell a constant number of statements from N+1.
 */
async function addSyntheticProjects(): Promise<void> {
  const sql = (query: string, params: unknown[] = []) => app.orm.em.getConnection().execute(query, params);
  const [programme] = await sql(`insert into programme (code, name, names) values (?, 'Synthetic', '[]') returning id`, [SYNTHETIC]);
  await sql(`insert into organisation (name, name_key, country_code)
    select 'Synthetic organisation ' || g, 'synthetic organisation ' || g, (array['AT','BG','CZ','IT'])[1 + g % 4]
    from generate_series(1, 20) g`);
  await sql(`insert into project (acronym, acronym_key, titles, programme_id, start_date, end_date, statements, work_packages)
    select 'SYN' || g, 'SYN' || g, json_build_array(json_build_object('language', 'eng', 'text', 'Synthetic project ' || g)),
      ?, make_date(2015 + g % 6, 1, 1), make_date(2018 + g % 6, 12, 31), '[]', '[]'
    from generate_series(1, 60) g`, [programme.id]);
  await sql(`insert into participation (project_id, organisation_id, role)
    select p.id, o.id, case when o.rn = 1 then 'LEAD_PARTNER' else 'PARTNER' end
    from project p cross join lateral (
      select id, row_number() over () as rn from organisation where name like 'Synthetic organisation %'
      order by (id * 7 + p.id * 13) % 20 limit 3) o
    where p.programme_id = ?`, [programme.id]);
  await sql(`insert into theme (code, labels) select 'synthetic-' || g, '[]' from generate_series(1, 5) g`);
  await sql(`insert into project_theme (project_id, theme_id)
    select p.id, t.id from project p join lateral (
      select id from theme where code like 'synthetic-%' order by (id + p.id) % 5 limit 2) t on true
    where p.programme_id = ?`, [programme.id]);
  await sql(`insert into output (project_id, type, titles, descriptions, status)
    select p.id, 'STUDY', json_build_array(json_build_object('language', 'eng', 'text', 'Study ' || n || ' of ' || p.acronym)), '[]', 'PUBLISHED'
    from project p cross join generate_series(1, 2) n where p.programme_id = ?`, [programme.id]);
}

beforeAll(async () => {
  app = await createTestApp();
  await addSyntheticProjects();
});
afterAll(() => app.close());

/** Runs a query and returns how many SQL statements it cost. */
async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
  app.statements.length = 0;
  const response = await app.gql(query, variables);
  expect(response.errors).toBeUndefined();
  return app.statements.length;
}

describe('no N+1', () => {
  const projectList = `query ($first: Int!) { projects(first: $first, filter: { programmes: ["${SYNTHETIC}"] }) {
    totalCount nodes { acronym programme { code name } call { ordinal }
      partners { role organisation { name country { code name } projects { role project { acronym } } } }
      themes { code label } sectors { code } outputs(first: 5) { totalCount nodes { title producers { name } } }
      relatedProjects(first: 3) { score reasons project { acronym } }
      claims { field } } } }`;

  it('lists 5 or 50 projects with their whole neighbourhood in the same number of statements', async () => {
    const five = await statementsFor(projectList, { first: 5 });
    const fifty = await statementsFor(projectList, { first: 50 });
    expect(fifty).toBe(five);
    // one list + count, then one batch per relation: a small constant per nesting level
    expect(five).toBeLessThanOrEqual(16);
  });

  it('lists organisations with their projects and countries in constant statements', async () => {
    const query = `query ($first: Int!) { organisations(first: $first, filter: { text: "Synthetic" }) {
      nodes { name country { code name } stats { projectCount } projects { role project { acronym programme { code } themes { code } } } } } }`;
    const five = await statementsFor(query, { first: 5 });
    const twenty = await statementsFor(query, { first: 20 });
    expect(twenty).toBe(five);
    expect(five).toBeLessThanOrEqual(9);
  });

  it('serves nested connections of many parents with one statement per level', async () => {
    const query = `{ themes { code projects(first: 10) { totalCount nodes { acronym partners { organisation { name } } } } }
      countries { code } country(code: "IT") { organisations(first: 5) { totalCount nodes { name projects { project { acronym } } } } } }`;
    // themes, their project pages + counts, participations, organisations; countries; IT, its
    // organisation page + count, their participations and projects: 11 whatever the sizes
    const statements = await statementsFor(query, {});
    expect(statements).toBeLessThanOrEqual(11);
  });
});

describe('navigation both ways', () => {
  it('goes programme → calls → projects → participations → organisations → their other projects', async () => {
    const { data, errors } = await app.gql(`{ programme(code: "central-europe-2007-2013") {
      calls { ordinal projects { nodes { acronym partners { role organisation { name projects { project { acronym } } } } } } } } }`);
    expect(errors).toBeUndefined();
    const project = data!.programme.calls[0].projects.nodes[0];
    expect(project.acronym).toBe('CLUSTERS-CORD');
    expect(project.partners[0].organisation.projects[0].project.acronym).toBe('CLUSTERS-CORD');
  });

  it('goes country → programmes, organisations and projects, and organisation → country → others', async () => {
    const { data } = await app.gql(`{ country(code: "IT") {
      programmes { code } organisations(first: 50) { totalCount nodes { name } } projects { nodes { acronym } } }
      organisations(filter: { text: "Stuttgart" }) { nodes { country { code organisations { totalCount } } } } }`);
    expect(data!.country.programmes).toEqual([{ code: 'south-east-europe-2007-2013' }]);
    expect(data!.country.organisations.nodes.map((o: { name: string }) => o.name)).toContain('Milano Metropoli Development Agency');
    const acronyms = data!.country.projects.nodes.map((p: { acronym: string }) => p.acronym);
    expect(acronyms.slice(0, 2)).toEqual(['CLOUD', 'CLUSTERS-CORD']);
    expect(acronyms).not.toContain('ClusterPoliSEE');
    expect(data!.organisations.nodes[0].country).toEqual({ code: 'DE', organisations: { totalCount: 1 } });
  });

  it('goes theme and sector → projects and best practices', async () => {
    const { data } = await app.gql(`{ theme(code: "ict-adoption") { projects { nodes { acronym } } bestPractices { totalCount nodes { title } } }
      sectors { code projects { nodes { acronym } } } }`);
    expect(data!.theme.projects.nodes).toEqual([{ acronym: 'CLOUD' }]);
    expect(data!.theme.bestPractices.nodes[0].title).toMatch(/Hidden Champions/);
    expect(data!.sectors.every((s: { projects: { nodes: { acronym: string }[] } }) => s.projects.nodes.some((p) => p.acronym === 'CLUSTERS-CORD'))).toBe(true);
  });

  it('pages nested connections with cursors', async () => {
    const first = await app.gql(`{ programme(code: "${SYNTHETIC}") { projects(first: 25) { totalCount pageInfo { endCursor hasNextPage } nodes { acronym } } } }`);
    const page = first.data!.programme.projects;
    expect(page.totalCount).toBe(60);
    expect(page.nodes).toHaveLength(25);
    const second = await app.gql(`query ($after: String) { programme(code: "${SYNTHETIC}") { projects(first: 50, after: $after) { pageInfo { hasNextPage } nodes { acronym } } } }`, {
      after: page.pageInfo.endCursor,
    });
    expect(second.data!.programme.projects.nodes).toHaveLength(35);
    expect(second.data!.programme.projects.pageInfo.hasNextPage).toBe(false);
    const seen = new Set([...page.nodes, ...second.data!.programme.projects.nodes].map((n: { acronym: string }) => n.acronym));
    expect(seen.size).toBe(60);
  });
});

describe('related projects', () => {
  it('ranks by a documented score and explains itself, deterministically', async () => {
    const query = '{ project(acronym: "CLOUD") { relatedProjects(first: 5) { score reasons project { acronym } } } }';
    const { data } = await app.gql(query);
    const related = data!.project.relatedProjects;
    expect(related.map((r: { project: { acronym: string } }) => r.project.acronym)).toEqual(['ClusterPoliSEE', 'CLUSTERS-CORD']);
    expect(related[0].reasons).toContain('same programme: South East Europe Transnational Cooperation Programme 2007-2013');
    expect(related[0].reasons.some((r: string) => /^2 shared themes: /.test(r))).toBe(true);
    expect(related[1].reasons).toContain('1 shared partner country: IT');
    // 2 themes × 1.5 + same programme 1 = 4; 2 themes × 1.5 + 1 country × 0.5 = 3.5
    expect(related.map((r: { score: number }) => r.score)).toEqual([4, 3.5]);
    expect((await app.gql(query)).data).toEqual(data);
  });

  it('counts shared partners and orders ties by acronym', async () => {
    const { data } = await app.gql('{ project(acronym: "SYN1") { partners { organisation { name } } relatedProjects(first: 20) { score reasons project { acronym } } } }');
    const related = data!.project.relatedProjects;
    expect(related.length).toBe(20);
    const withPartners = related.filter((r: { reasons: string[] }) => r.reasons.some((x) => /shared partners?:/.test(x)));
    expect(withPartners.length).toBeGreaterThan(0);
    for (let i = 1; i < related.length; i++) {
      const [a, b] = [related[i - 1], related[i]];
      expect(a.score > b.score || (a.score === b.score && a.project.acronym.localeCompare(b.project.acronym) <= 0)).toBe(true);
    }
  });

  it('rejects first outside 1..20', async () => {
    const response = await app.gql('{ project(acronym: "CLOUD") { relatedProjects(first: 0) { score } } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('aggregates', () => {
  it('computes programme, country, theme and organisation figures in SQL', async () => {
    const { data } = await app.gql(`{ programme(code: "south-east-europe-2007-2013") { stats {
        projectCount partnerCount outputCount totalBudget { amount currency } euContribution { amount currency }
        partnerCountries { code } firstYear lastYear } }
      country(code: "DE") { stats { projectCount partnerCount partnerCountries { code } } }
      theme(code: "cluster-policy") { stats { projectCount } }
      organisations(filter: { text: "Stuttgart" }) { nodes { stats { projectCount partnerCount firstYear lastYear } } } }`);
    expect(data!.programme.stats).toMatchObject({
      projectCount: 2,
      totalBudget: [{ amount: 1584253, currency: 'EUR' }],
      euContribution: [{ amount: 1342357, currency: 'EUR' }],
      firstYear: 2012,
      lastYear: 2014,
    });
    expect(data!.country.stats).toMatchObject({ projectCount: 1, partnerCount: 14 });
    expect(data!.country.stats.partnerCountries.map((c: { code: string }) => c.code)).toEqual(['AT', 'CZ', 'DE', 'HU', 'IT', 'PL', 'SI', 'SK']);
    expect(data!.theme.stats.projectCount).toBe(3);
    expect(data!.organisations.nodes[0].stats).toEqual({ projectCount: 1, partnerCount: 14, firstYear: 2010, lastYear: 2013 });
  });

  it('costs one statement per scope kind for a whole list', async () => {
    app.statements.length = 0;
    await app.gql('{ themes { stats { projectCount outputCount } } }');
    const few = app.statements.length;
    expect(few).toBeLessThanOrEqual(3);
  });
});
