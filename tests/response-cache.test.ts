import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ responseCache: true });
});
afterAll(() => app.close());

const QUERY = '{ project(acronym: "CLOUD") { acronym title partners { organisation { name } } } }';

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (accept(value) || attempt === 50) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('response cache', () => {
  it('answers a repeated anonymous query without touching PostgreSQL', async () => {
    const first = await app.gql(QUERY);
    app.statements.length = 0;
    const second = await app.gql(QUERY);
    expect(second.data).toEqual(first.data);
    expect(app.statements).toEqual([]);
  });

  it('serves a change committed by another process as soon as PostgreSQL announces it', async () => {
    await app.gql(QUERY);
    await app.orm.em.getConnection().execute(
      `update project set titles = '[{"language":"eng","text":"Renamed by an import"}]' where acronym = 'CLOUD'`,
    );
    const after = await eventually(() => app.gql(QUERY), (r) => r.data?.project.title === 'Renamed by an import');
    expect(after.data!.project.title).toBe('Renamed by an import');
  });

  it('keeps variables apart', async () => {
    const query = 'query ($a: String!) { project(acronym: $a) { acronym } }';
    expect((await app.gql(query, { a: 'CLOUD' })).data!.project.acronym).toBe('CLOUD');
    expect((await app.gql(query, { a: 'clusters cord' })).data!.project.acronym).toBe('CLUSTERS-CORD');
    expect((await app.gql(query, { a: 'CLOUD' })).data!.project.acronym).toBe('CLOUD');
  });

  it('flushes when a mutation answers, so clients read their own writes', async () => {
    await app.gql(QUERY);
    app.statements.length = 0;
    // Any mutation operation counts, even one refused for lack of a token.
    await app.gql('mutation { __typename }');
    await app.gql(QUERY);
    expect(app.statements.length).toBeGreaterThan(0);
  });
});
