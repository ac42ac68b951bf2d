import { AccountRole } from '../src/modules/auth/auth.entity';
import { createActor, partnerFixture } from './helpers/accounts';
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

  it("lets only its organisation and editors find a partner's unpublished output; everyone once published", async () => {
    const fx = await partnerFixture(app.orm);
    const partner = await createActor(app.orm, AccountRole.PARTNER, fx.ownOrgId);
    const otherPartner = await createActor(app.orm, AccountRole.PARTNER, fx.otherOrgId);
    const editor = await createActor(app.orm, AccountRole.EDITOR);
    const step = async (name: string, input: Record<string, unknown>, headers: Record<string, string>) => {
      const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
      const r = await app.gql(`mutation ($input: ${inputType}!) { ${name}(input: $input) { userErrors { field message } output { id version status } } }`, { input }, headers);
      expect(r.errors).toBeUndefined();
      expect(r.data![name].userErrors).toEqual([]);
      await app.drainSearch();
      return r.data![name].output as { id: string; version: number };
    };
    const SEARCH = `query { search(query: "quetzalcoatlite", filter: { types: ["Output"] }) { totalCount facets { name values { value count } } nodes { node { id } } } }`;
    const hitsFor = async (headers: Record<string, string> = {}) => {
      const r = await app.gql(SEARCH, {}, headers);
      expect(r.errors).toBeUndefined();
      return { ids: r.data!.search.nodes.map((n: { node: { id: string } }) => n.node.id), total: r.data!.search.totalCount };
    };

    const draft = await step('registerOutput', {
      projectId: fx.projectGid,
      type: 'TOOL',
      titles: [{ language: 'eng', text: 'Quetzalcoatlite cluster mapping tool' }],
      descriptions: [{ language: 'eng', text: 'Maps cluster members.' }],
      languages: ['eng'],
      producerIds: [fx.ownOrgGid],
    }, partner.headers);
    const found = { ids: [draft.id], total: 1 };
    const hidden = { ids: [], total: 0 };
    const expectFoundBy = async (expected: { anonymous: object; otherPartner: object }) => {
      expect(await hitsFor()).toEqual(expected.anonymous);
      expect(await hitsFor(otherPartner.headers)).toEqual(expected.otherPartner);
      expect(await hitsFor(partner.headers)).toEqual(found);
      expect(await hitsFor(editor.headers)).toEqual(found);
    };
    await expectFoundBy({ anonymous: hidden, otherPartner: hidden });

    const submitted = await step('submitOutput', { id: draft.id, version: draft.version }, partner.headers);
    await expectFoundBy({ anonymous: hidden, otherPartner: hidden });

    const published = await step('publishOutput', { id: submitted.id, version: submitted.version }, editor.headers);
    await expectFoundBy({ anonymous: found, otherPartner: found });

    await step('withdrawOutput', { id: published.id, version: published.version }, partner.headers);
    await expectFoundBy({ anonymous: hidden, otherPartner: hidden });
  });
});
