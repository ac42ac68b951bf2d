import { createTestApp, TestApp } from './helpers/test-app';
import { startTestMeili, TestMeili } from './search-helpers';

let meili: TestMeili;
let app: TestApp;
beforeAll(async () => {
  meili = await startTestMeili();
  app = await createTestApp({ search: meili });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await meili?.dispose();
});

const QUERY = `query ($first: Int!, $types: [String!]) { search(query: "cluster", first: $first, filter: { types: $types }) {
  totalCount facets { name values { value count } }
  nodes { type title snippet projects { acronym programme { code } }
    node { id ... on Project { acronym partners { organisation { name country { code } } } }
      ... on Organisation { name country { code } projects { project { acronym } } }
      ... on Output { title project { acronym } } ... on Document { language projects { acronym } } } } } }`;

describe('search through the GraphQL API', () => {
  it.each([['Output'], ['Organisation']])(
    'resolves %s hits\' projects and records in constant SQL statements, whatever the page size',
    async (type) => {
      const count = async (first: number) => {
        app.statements.length = 0;
        const response = await app.gql(QUERY, { first, types: [type] });
        expect(response.errors).toBeUndefined();
        return { statements: app.statements.length, hits: response.data!.search.nodes.length };
      };
      const small = await count(8);
      const large = await count(30);
      expect(large.hits).toBeGreaterThan(small.hits);
      expect(large.statements).toBe(small.statements);
      // one batch per relation level, never one per hit
      expect(small.statements).toBeLessThanOrEqual(10);
    },
  );

  it('answers a query in each seed language across languages', async () => {
    for (const query of ['klastr', 'клъстер', 'innovazione', 'cluster policy']) {
      const { data, errors } = await app.gql('query ($q: String!) { search(query: $q) { totalCount nodes { language } } }', { q: query });
      expect(errors).toBeUndefined();
      expect(data!.search.totalCount).toBeGreaterThan(0);
      const languages = new Set(data!.search.nodes.map((n: { language: string | null }) => n.language));
      expect(languages.size).toBeGreaterThan(1);
    }
  });
});
