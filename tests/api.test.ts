import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const codeOf = (response: { errors?: { extensions?: Record<string, any> }[] }) => response.errors?.[0]?.extensions?.code;
const fieldOf = (response: { errors?: { extensions?: Record<string, any> }[] }) => response.errors?.[0]?.extensions?.field;

describe('project', () => {
  it('answers the README query from PostgreSQL, matching the acronym loosely', async () => {
    const query = `query ($acronym: String!) { project(acronym: $acronym) {
      acronym title referenceCode programme { code name } partners { role organisation { name country { code } } } } }`;
    for (const acronym of ['clusters cord', 'CLUSTERS-CORD', 'Clusters Cord', 'clusterscord']) {
      const { data, errors } = await app.gql(query, { acronym });
      expect(errors).toBeUndefined();
      expect(data!.project.acronym).toBe('CLUSTERS-CORD');
      expect(data!.project.referenceCode).toBe('2CE202P1');
      expect(data!.project.programme.code).toBe('central-europe-2007-2013');
      expect(data!.project.partners[0]).toEqual({
        role: 'LEAD_PARTNER',
        organisation: { name: 'Regionální rozvojová agentura Ústeckého kraje, a.s.', country: { code: 'CZ' } },
      });
      expect(data!.project.partners.filter((p: { role: string }) => p.role === 'PARTNER')).toHaveLength(9);
    }
  });

  it('returns null, not an error, for an unknown acronym', async () => {
    const response = await app.gql('{ project(acronym: "NOPE") { acronym } }');
    expect(response.errors).toBeUndefined();
    expect(response.data!.project).toBeNull();
  });

  it('resolves every relation of a project page in one query', async () => {
    const { data, errors } = await app.gql(`{ project(acronym: "CLOUD") {
      id title titles { language text translation } status startDate endDate totalBudget { amount currency }
      euContribution { amount currency } cofinancingRate statedPartnerCount call { ordinal name }
      leadPartner { name nameEn } outputs(first: 3) { totalCount nodes { type title } pageInfo { hasNextPage } }
      bestPractices { title requiredContents } themes { code label } sectors { code }
      documents { language } events { title } contacts { name email } links { kind targetName }
      statements(kind: EXPECTED_RESULT) { language text } } }`);
    expect(errors).toBeUndefined();
    const project = data!.project;
    expect(project.startDate).toBe('2012-10-01');
    expect(project.totalBudget).toEqual({ amount: 1584253, currency: 'EUR' });
    expect(project.cofinancingRate).toBe(0.85);
    expect(project.statedPartnerCount).toBe(10);
    expect(project.call).toEqual({ ordinal: 4, name: expect.stringMatching(/Fourth Call/i) });
    expect(project.leadPartner.nameEn).toMatch(/National Confederation of Crafts/);
    expect(project.outputs.nodes).toHaveLength(3);
    expect(project.outputs.totalCount).toBeGreaterThan(3);
    expect(project.outputs.pageInfo.hasNextPage).toBe(true);
    expect(project.bestPractices[0].title).toMatch(/Hidden Champions/);
    expect(project.documents.map((d: { language: string }) => d.language).sort()).toEqual(['eng', 'eng']);
    expect(project.statements.length).toBeGreaterThanOrEqual(3);
  });
});

describe('projects list', () => {
  const list = `query ($first: Int!, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {
    projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount edges { cursor node { acronym } } nodes { acronym } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
  const acronyms = (data: any) => data.projects.nodes.map((n: { acronym: string }) => n.acronym);

  it('pages through every project with stable cursors', async () => {
    const first = await app.gql(list, { first: 2 });
    expect(first.data!.projects.totalCount).toBe(3);
    expect(acronyms(first.data)).toEqual(['CLOUD', 'ClusterPoliSEE']);
    expect(first.data!.projects.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await app.gql(list, { first: 2, after: first.data!.projects.pageInfo.endCursor });
    expect(acronyms(second.data)).toEqual(['CLUSTERS-CORD']);
    expect(second.data!.projects.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('returns no edges but the total for first: 0', async () => {
    const { data } = await app.gql(list, { first: 0 });
    expect(data!.projects.edges).toEqual([]);
    expect(data!.projects.totalCount).toBe(3);
  });

  it.each([[-1], [101], [100000]])('rejects first=%p with BAD_USER_INPUT on "first"', async (first) => {
    const response = await app.gql(list, { first });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(fieldOf(response)).toBe('first');
    expect(response.data?.projects ?? null).toBeNull();
  });

  it.each([['garbage'], ['bzo6LTE'], ['']])('rejects the cursor %p with BAD_USER_INPUT on "after"', async (after) => {
    const response = await app.gql(list, { first: 2, after: after || 'x!' });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(fieldOf(response)).toBe('after');
  });

  it('filters by programme, country, theme, sector, status, years and text', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ programmes: ['south-east-europe-2007-2013'] }, ['CLOUD', 'ClusterPoliSEE']],
      [{ countries: ['DE'] }, ['CLUSTERS-CORD']],
      [{ countries: ['IT'] }, ['CLOUD', 'CLUSTERS-CORD']],
      [{ statuses: ['FINISHED'] }, ['CLOUD']],
      [{ yearFrom: 2014 }, ['CLOUD']],
      [{ yearTo: 2011 }, ['CLUSTERS-CORD']],
      [{ text: 'regional development' }, ['CLUSTERS-CORD']],
      [{ text: 'smarter' }, ['ClusterPoliSEE']],
    ];
    for (const [filter, expected] of cases) {
      const { data, errors } = await app.gql(list, { first: 10, filter });
      expect(errors).toBeUndefined();
      expect(acronyms(data)).toEqual(expected);
    }
    const themed = await app.gql(`{ project(acronym: "ClusterPoliSEE") { themes { code } } }`);
    const theme = themed.data!.project.themes[0].code;
    const byTheme = await app.gql(list, { first: 10, filter: { themes: [theme] } });
    expect(acronyms(byTheme.data)).toContain('ClusterPoliSEE');
    const sectored = await app.gql(`{ project(acronym: "CLUSTERS-CORD") { sectors { code } } }`);
    const bySector = await app.gql(list, { first: 10, filter: { sectors: [sectored.data!.project.sectors[0].code] } });
    expect(acronyms(bySector.data)).toEqual(['CLUSTERS-CORD']);
  });

  it('orders by start date either way', async () => {
    const asc = await app.gql(list, { first: 10, orderBy: { field: 'START_DATE', direction: 'ASC' } });
    expect(acronyms(asc.data)).toEqual(['CLUSTERS-CORD', 'CLOUD', 'ClusterPoliSEE']);
    const desc = await app.gql(list, { first: 10, orderBy: { field: 'START_DATE', direction: 'DESC' } });
    expect(acronyms(desc.data)).toEqual(['CLOUD', 'CLUSTERS-CORD', 'ClusterPoliSEE']);
  });

  it.each([
    [{ programmes: ['atlantis-2007-2013'] }, 'filter.programmes'],
    [{ countries: ['XX'] }, 'filter.countries'],
    [{ themes: ['no-such-theme'] }, 'filter.themes'],
    [{ sectors: ['no-such-sector'] }, 'filter.sectors'],
    [{ yearFrom: 2015, yearTo: 2010 }, 'filter.yearFrom'],
    [{ yearFrom: 20000 }, 'filter.yearFrom'],
    [{ text: '   ' }, 'filter.text'],
  ])('rejects the unknown or invalid filter %p', async (filter, field) => {
    const response = await app.gql(list, { first: 10, filter });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(fieldOf(response)).toBe(field);
  });

  it('rejects unknown enum values and unknown filter fields naming the argument', async () => {
    const literal = await app.gql('{ projects(filter: { statuses: [SLEEPING] }) { totalCount } }');
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
    expect(fieldOf(literal)).toBe('filter.statuses');
    const variable = await app.gql(list, { first: 5, filter: { statuses: ['SLEEPING'] } });
    expect(codeOf(variable)).toBe('BAD_USER_INPUT');
    expect(fieldOf(variable)).toBe('filter.statuses[0]');
    const unknownField = await app.gql('{ projects(filter: { colour: "red" }) { totalCount } }');
    expect(codeOf(unknownField)).toBe('BAD_USER_INPUT');
    expect(fieldOf(unknownField)).toBe('filter.colour');
    const wrongType = await app.gql('{ projects(first: "ten") { totalCount } }');
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    expect(fieldOf(wrongType)).toBe('first');
  });
});

describe('node and nodes', () => {
  it('refetches every kind of record by global id', async () => {
    const { data } = await app.gql(`{ project(acronym: "CLUSTERS-CORD") {
      id programme { id } call { id } leadPartner { id } outputs { nodes { id } } events { id } contacts { id }
      themes { id } sectors { id } documents { id } claims { id } } }`);
    const p = data!.project;
    const ids: string[] = [p.id, p.programme.id, p.call.id, p.leadPartner.id, p.outputs.nodes[0].id, p.events[0].id,
      p.contacts[0].id, p.sectors[0].id, p.documents[0].id, p.claims[0].id];
    const { data: nodes, errors } = await app.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids });
    expect(errors).toBeUndefined();
    expect(nodes!.nodes.map((n: { __typename: string }) => n.__typename)).toEqual([
      'Project', 'Programme', 'Call', 'Organisation', 'Output', 'Event', 'Contact', 'Sector', 'Document', 'Claim',
    ]);
    expect(nodes!.nodes.map((n: { id: string }) => n.id)).toEqual(ids);
    const single = await app.gql('query ($id: ID!) { node(id: $id) { ... on Project { acronym } } }', { id: p.id });
    expect(single.data!.node.acronym).toBe('CLUSTERS-CORD');
  });

  it('returns null for a well-formed id that does not exist', async () => {
    const id = Buffer.from('Project:999999').toString('base64url');
    const response = await app.gql('query ($id: ID!) { node(id: $id) { id } }', { id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.node).toBeNull();
  });

  it.each([['not-an-id'], ['UHJvamVjdDphYmM'], [Buffer.from('Nope:1').toString('base64url')]])(
    'rejects the malformed id %p with BAD_USER_INPUT on "id"',
    async (id) => {
      const response = await app.gql('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldOf(response)).toBe('id');
    },
  );

  it('names the index of a bad id in nodes and caps the batch', async () => {
    const good = (await app.gql('{ project(acronym: "CLOUD") { id } }')).data!.project.id;
    const bad = await app.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [good, 'broken'] });
    expect(fieldOf(bad)).toBe('ids[1]');
    const tooMany = await app.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(101).fill(good) });
    expect(fieldOf(tooMany)).toBe('ids');
  });

  it('rejects an id of the wrong type on typed root fields', async () => {
    const projectId = (await app.gql('{ project(acronym: "CLOUD") { id } }')).data!.project.id;
    const response = await app.gql('query ($id: ID!) { organisation(id: $id) { name } }', { id: projectId });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });
});

describe('root fields', () => {
  it('lists and finds programmes with their eligible area', async () => {
    const { data } = await app.gql(`{ programmes { totalCount nodes { code } }
      programme(code: "south-east-europe-2007-2013") { name periodStart periodEnd statedCountryCount fundingInstruments
        countries { code } eligibility { country { code } coverage regions } calls { ordinal projects { nodes { acronym } } }
        projects { totalCount nodes { acronym } } } }`);
    expect(data!.programmes.totalCount).toBe(2);
    const see = data!.programme;
    expect(see.periodStart).toBe(2007);
    expect(see.statedCountryCount).toBe(16);
    expect(see.countries).toHaveLength(16);
    const italy = see.eligibility.find((e: { country: { code: string } }) => e.country.code === 'IT');
    expect(italy.coverage).toBe('PARTIAL');
    expect(italy.regions).toEqual(expect.arrayContaining(['Lombardia', 'Emilia Romagna', 'Molise']));
    expect(see.projects.nodes.map((p: { acronym: string }) => p.acronym)).toEqual(['CLOUD', 'ClusterPoliSEE']);
    expect(see.calls.find((c: { ordinal: number }) => c.ordinal === 4).projects.nodes).toEqual([{ acronym: 'CLOUD' }]);
  });

  it('returns null for an unknown programme code', async () => {
    const { data, errors } = await app.gql('{ programme(code: "nope") { code } }');
    expect(errors).toBeUndefined();
    expect(data!.programme).toBeNull();
  });

  it('lists organisations with filters', async () => {
    const all = await app.gql('{ organisations(first: 100) { totalCount nodes { name country { code } projects { role project { acronym } } } } }');
    expect(all.data!.organisations.totalCount).toBeGreaterThanOrEqual(20);
    const czech = await app.gql('{ organisations(first: 100, filter: { countries: ["CZ"], types: [REGIONAL_DEVELOPMENT_AGENCY] }) { nodes { name } } }');
    expect(czech.data!.organisations.nodes.map((o: { name: string }) => o.name)).toContain('Regionální rozvojová agentura Ústeckého kraje, a.s.');
    const text = await app.gql('{ organisations(filter: { text: "stuttgart" }) { nodes { name projects { role project { acronym } } } } }');
    expect(text.data!.organisations.nodes).toEqual([
      { name: 'Stuttgart Region Economic Development Corporation', projects: [{ role: 'PARTNER', project: { acronym: 'CLUSTERS-CORD' } }] },
    ]);
    const bad = await app.gql('{ organisations(filter: { countries: ["Czechia"] }) { totalCount } }');
    expect(fieldOf(bad)).toBe('filter.countries');
  });

  it('serves the other lists and lookups', async () => {
    const { data, errors } = await app.gql(`{
      outputs(first: 100, filter: { types: [WEB_PORTAL] }) { totalCount nodes { title project { acronym } } }
      bestPractices { totalCount nodes { title project { acronym } } }
      policies { totalCount nodes { name projects { relation project { acronym } } } }
      documents { totalCount nodes { title language projects { acronym } } }
      events { nodes { title date place project { acronym } } }
      contacts { nodes { name email phone } }
      themes { code label } sectors { code label labels { language text translation } }
      countries { code } country(code: "bg") { name }
      theme(code: "nope") { code } }`);
    expect(errors).toBeUndefined();
    expect(data!.outputs.nodes.every((o: { title: string }) => o.title.length > 0)).toBe(true);
    expect(data!.bestPractices.totalCount).toBeGreaterThanOrEqual(1);
    expect(data!.policies.totalCount).toBeGreaterThanOrEqual(1);
    expect(data!.documents.totalCount).toBe(5);
    expect(data!.events.nodes[0]).toMatchObject({ date: '2013-02-06', project: { acronym: 'CLUSTERS-CORD' } });
    expect(data!.countries.length).toBeGreaterThan(240);
    expect(data!.country.name).toBe('Bulgaria');
    expect(data!.theme).toBeNull();
  });

  it('lists calls and claims, hiding claims that quote personal data from anonymous readers', async () => {
    const calls = await app.gql('{ calls(programme: "south-east-europe-2007-2013") { totalCount nodes { ordinal programme { code } } } }');
    expect(calls.data!.calls.nodes).toEqual([{ ordinal: 4, programme: { code: 'south-east-europe-2007-2013' } }]);
    const doc = await app.gql('{ documents { nodes { id origin } } }');
    const czech = doc.data!.documents.nodes.find((d: { origin: string }) => d.origin.startsWith('004')).id;
    const claims = await app.gql('query ($d: ID!) { claims(document: $d, first: 100) { totalCount nodes { field quote subjectType } } }', { d: czech });
    expect(claims.errors).toBeUndefined();
    expect(claims.data!.claims.totalCount).toBeGreaterThan(50);
    expect(JSON.stringify(claims.data)).not.toContain('krejsova@rra.cz');
    const bad = await app.gql('{ claims(document: "nope") { totalCount } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document' });
  });

  it('hides contact persons\' email and phone from anonymous readers', async () => {
    const { data } = await app.gql('{ contacts { nodes { name email phone } } }');
    expect(data!.contacts.nodes[0]).toEqual({ name: expect.stringContaining('Krejsová'), email: null, phone: null });
  });
});

describe('errors and limits', () => {
  it('answers a syntax error with BAD_USER_INPUT, not a 500 or a stack trace', async () => {
    const response = await app.gql('{ project(acronym: "x" { acronym }');
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('refuses documents nested too deep with QUERY_TOO_COMPLEX', async () => {
    let selection = 'acronym';
    for (let i = 0; i < 8; i++) selection = `partners { organisation { projects { project { ${selection} } } } }`;
    const response = await app.gql(`{ project(acronym: "CLOUD") { ${selection} } }`);
    expect(codeOf(response)).toBe('QUERY_TOO_COMPLEX');
  });

  it('reports the estimated cost and refuses expensive pages of pages', async () => {
    const cheap = await app.gql('{ projects(first: 2) { nodes { acronym } } }');
    expect(cheap.extensions?.cost).toBeGreaterThan(0);
    const expensive = await app.gql(`{ projects(first: 100) { nodes { outputs(first: 100) { nodes { producers { name } } } partners { organisation { projects { project { acronym } } } } } } }`);
    expect(codeOf(expensive)).toBe('QUERY_TOO_COMPLEX');
  });

  it('costs one document again for each set of variables', async () => {
    // The cost is memoised per parsed document; the page sizes in the variables must still count.
    const query = `query ($n: Int!) { projects(first: $n) { nodes { outputs(first: $n) { nodes { producers { name } } } } } }`;
    const small = await app.gql(query, { n: 2 });
    expect(small.errors).toBeUndefined();
    const large = await app.gql(query, { n: 100 });
    expect(codeOf(large)).toBe('QUERY_TOO_COMPLEX');
    const again = await app.gql(query, { n: 2 });
    expect(again.extensions?.cost).toBe(small.extensions?.cost);
  });
});
