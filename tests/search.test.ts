import { buildSchema } from 'type-graphql';
import { graphql, GraphQLSchema } from 'graphql';
import { createContext } from '../src/graphql/context';
import { encodeGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { NodeResolver } from '../src/modules/node/node.resolver';
import { Organisation } from '../src/modules/organisation/organisation.entity';
import { ProjectResolver } from '../src/modules/project/project.resolver';
import { SearchResolver } from '../src/modules/search/search.resolver';
import { liveIndex, reindexAll } from '../src/search/indexer';
import { createMeiliClients } from '../src/search/meili';
import { enqueueSearchUpdate } from '../src/search/outbox';
import { SearchRuntime, startSearch } from '../src/search/runtime';
import { SearchArgs, SearchService } from '../src/search/search.service';
import { applySettings } from '../src/search/settings';
import { addSearchFixtures, createSeededDatabase, startTestMeili, TestDatabase, TestMeili } from './search-helpers';

const logger = createLogger('silent');
let meili: TestMeili;
let db: TestDatabase;
let search: SearchRuntime;
let fixtures: { bulgarianOrgId: number; draftOutputId: number };
const prefix = `t${process.pid}_`;

beforeAll(async () => {
  [meili, db] = await Promise.all([startTestMeili(), createSeededDatabase()]);
  fixtures = await addSearchFixtures(db.orm);
  search = await startSearch({
    config: { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, DATA_DIR: '/nonexistent', SEARCH_INDEX_PREFIX: prefix },
    orm: db.orm,
    logger,
    pollMs: 100,
    maxBackoffMs: 1000,
  });
  await reindexAll(db.orm.em.fork(), search.clients.admin, prefix);
  await search.drain();
}, 180_000);

afterAll(async () => {
  await search?.stop();
  await search?.clients.admin.deleteIndex(liveIndex(prefix)).catch(() => undefined);
  await db?.dispose();
  await meili?.dispose();
});

function run(args: SearchArgs) {
  return search.service.search(db.orm.em.fork(), args);
}

async function uids(query: string, filter?: SearchArgs['filter']): Promise<string[]> {
  const result = await run({ query, filter, first: 100 });
  return result.nodes.map((n) => `${n.type}-${n.entityId}`);
}

async function expectBadInput(args: SearchArgs, field: string) {
  await expect(run(args)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
}

async function idOf(sql: string): Promise<number> {
  const [row] = await db.orm.em.getConnection().execute<{ id: number }[]>(sql);
  return row.id;
}

describe('search against a real Meilisearch', () => {
  test('settings are applied idempotently', async () => {
    expect(await applySettings(search.clients.admin, liveIndex(prefix))).toEqual([]);
  });

  test('tolerates typos: "clustr" finds cluster records', async () => {
    const result = await run({ query: 'clustr' });
    expect(result.nodes.length).toBeGreaterThan(3);
    expect(await result.totalCount).toBeGreaterThan(3);
  });

  test('prefix search: "specializ" finds the smart-specialisation texts', async () => {
    const doc002 = `Document-${await idOf(`select id from document where origin like '002%'`)}`;
    const doc003 = `Document-${await idOf(`select id from document where origin like '003%'`)}`;
    const found = await uids('specializzazione intell');
    expect(found).toContain(doc003);
    expect(await uids('интелигентно специализ')).toContain(doc002);
  });

  test('Cyrillic and diacritics: Czech without accents, Bulgarian in Cyrillic', async () => {
    const rra = await idOf(`select id from organisation where name like 'Regionální rozvojová agentura%'`);
    expect(await uids('regionalni rozvojova agentura')).toContain(`Organisation-${rra}`);
    expect(await uids('Мехатроника')).toContain(`Organisation-${fixtures.bulgarianOrgId}`);
  });

  test('transliteration: Latin spellings find Cyrillic originals', async () => {
    expect(await uids('Klaster Mehatronika')).toContain(`Organisation-${fixtures.bulgarianOrgId}`);
    const doc002 = `Document-${await idOf(`select id from document where origin like '002%'`)}`;
    expect(await uids('klaster', { types: ['Document'] })).toContain(doc002);
  });

  test('cross-language: an English query finds Bulgarian and Italian texts', async () => {
    const doc002 = `Document-${await idOf(`select id from document where origin like '002%'`)}`;
    const doc003 = `Document-${await idOf(`select id from document where origin like '003%'`)}`;
    const found = await uids('smart specialisation');
    expect(found).toEqual(expect.arrayContaining([doc002, doc003]));
    // And the other way round: the Bulgarian term finds the Italian text.
    expect(await uids('интелигентна специализация')).toContain(doc003);
  });

  test("an unpublished curated draft is found by editors only, facets and counts included", async () => {
    const draft = `Output-${fixtures.draftOutputId}`;
    const asViewer = async (viewer: SearchArgs['viewer']) => {
      const result = await run({ query: 'zygomorphic', first: 10, viewer });
      const types = result.facets.find((f) => f.name === 'types')!.values;
      return { uids: result.nodes.map((n) => `${n.type}-${n.entityId}`), total: await result.totalCount, types };
    };
    const nothing = { uids: [], total: 0, types: [] };
    expect(await asViewer(null)).toEqual(nothing);
    expect(await asViewer({ accountId: 1, role: 'PARTNER', organisationId: fixtures.bulgarianOrgId })).toEqual(nothing);
    for (const role of ['EDITOR', 'ADMIN'] as const) {
      expect(await asViewer({ accountId: 1, role, organisationId: null })).toEqual({ uids: [draft], total: 1, types: [{ value: 'Output', count: 1 }] });
    }
  });

  test('filters and facet counts', async () => {
    const all = await run({ query: 'cluster', first: 100 });
    const types = all.facets.find((f) => f.name === 'types')!;
    expect(types.values.reduce((s, v) => s + v.count, 0)).toBe(await all.totalCount);
    const projects = await run({ query: 'cluster', filter: { types: ['Project'] }, first: 100 });
    expect(await projects.totalCount).toBe(types.values.find((v) => v.value === 'Project')!.count);
    expect(projects.nodes.every((n) => n.type === 'Project')).toBe(true);

    const cz = await run({ query: 'cluster', filter: { countries: ['cz'], types: ['Organisation'] }, first: 100 });
    expect(cz.nodes.length).toBeGreaterThan(0);
    const countries = cz.facets.find((f) => f.name === 'countries')!;
    expect(countries.values).toEqual([{ value: 'CZ', count: await cz.totalCount }]);

    // Projects by acronym in any spelling; the result carries the project's id.
    const cord = await run({ query: 'cluster', filter: { projects: ['Clusters Cord'] }, first: 100 });
    const cordId = await idOf(`select id from project where acronym_key = 'CLUSTERSCORD'`);
    expect(cord.nodes.length).toBeGreaterThan(0);
    expect(cord.nodes.every((n) => n.projectIds.includes(cordId))).toBe(true);
    const byGlobalId = await run({ query: 'cluster', filter: { projects: [encodeGlobalId('Project', cordId)] }, first: 100 });
    expect(await byGlobalId.totalCount).toBe(await cord.totalCount);

    const years = await run({ query: 'cluster', filter: { types: ['Project'], yearFrom: 2014, yearTo: 2014 }, first: 100 });
    const cloud = await idOf(`select id from project where acronym_key = 'CLOUD'`);
    expect(years.nodes.map((n) => n.entityId)).toContain(cloud);
    expect(years.nodes.map((n) => n.entityId)).not.toContain(cordId);
  });

  test('cursor pagination walks the result without gaps or repeats', async () => {
    const all = await uids('cluster');
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: Awaited<ReturnType<typeof run>> = await run({ query: 'cluster', first: 3, after });
      seen.push(...page.nodes.map((n) => `${n.type}-${n.entityId}`));
      expect(await page.totalCount).toBe(all.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  test('snippets are escaped and highlight the match', async () => {
    const result = await run({ query: 'smart specialisation', filter: { types: ['Document'] } });
    const snippets = result.nodes.map((n) => n.snippet).filter(Boolean) as string[];
    expect(snippets.length).toBeGreaterThan(0);
    for (const s of snippets) {
      expect(s).toMatch(/<mark>[^<]+<\/mark>/);
      expect(s.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
  });

  test('bad input maps to BAD_USER_INPUT with the field', async () => {
    await expectBadInput({ query: '   ' }, 'query');
    await expectBadInput({ query: 'x'.repeat(201) }, 'query');
    await expectBadInput({ query: 'cluster', filter: { types: ['Spaceship'] } }, 'filter.types');
    await expectBadInput({ query: 'cluster', filter: { countries: ['XX'] } }, 'filter.countries');
    await expectBadInput({ query: 'cluster', filter: { languages: ['english'] } }, 'filter.languages');
    await expectBadInput({ query: 'cluster', filter: { programmes: ['nope'] } }, 'filter.programmes');
    await expectBadInput({ query: 'cluster', filter: { themes: ['nope'] } }, 'filter.themes');
    await expectBadInput({ query: 'cluster', filter: { projects: ['NO-SUCH-PROJECT'] } }, 'filter.projects');
    await expectBadInput({ query: 'cluster', filter: { yearFrom: 2015, yearTo: 2010 } }, 'filter.yearFrom');
    await expectBadInput({ query: 'cluster', after: 'garbage!' }, 'after');
    await expectBadInput({ query: 'cluster', first: 1000 }, 'first');
  });

  test('an unreachable Meilisearch is SERVICE_UNAVAILABLE, quickly', async () => {
    const dead = createMeiliClients({ url: 'http://127.0.0.1:9', masterKey: 'x' });
    const service = new SearchService(dead.search, prefix);
    const started = Date.now();
    await expect(service.search(db.orm.em.fork(), { query: 'cluster' })).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('GraphQL: hits resolve projects and node through the loaders, with edges and facets', async () => {
    const schema: GraphQLSchema = await buildSchema({ resolvers: [SearchResolver, NodeResolver, ProjectResolver], validate: false });
    const context = { ...createContext(db.orm.em as never, logger, 'test', null), search: search.service };
    const result = await graphql({
      schema,
      contextValue: context,
      source: `{ search(query: "cluster", first: 10, filter: { types: ["Project", "Organisation", "Document"] }) {
        totalCount pageInfo { hasNextPage endCursor } facets { name values { value count } }
        edges { cursor node { id } }
        nodes { type id title language snippet projects { acronym } node { id ... on Organisation { name } } } } }`,
    });
    expect(result.errors).toBeUndefined();
    const data = result.data!.search as any;
    expect(data.totalCount).toBeGreaterThan(0);
    expect(data.edges).toHaveLength(data.nodes.length);
    for (const hit of data.nodes) {
      expect(hit.node.id).toBe(hit.id);
      if (hit.type !== 'Organisation' || hit.projects.length) expect(hit.projects.length).toBeGreaterThan(0);
    }
    expect(data.facets.map((f: any) => f.name)).toEqual(['types', 'languages', 'countries', 'programmes', 'themes', 'projects']);
  });
});

describe('consistency with PostgreSQL', () => {
  test('outage: writes succeed while Meilisearch is down and become searchable once it is back', async () => {
    if (!meili.embedded) return; // an external server cannot be stopped from here
    await meili.stop();
    const em = db.orm.em.fork();
    await em.transactional(async (tx) => {
      const org = await tx.findOneOrFail(Organisation, fixtures.bulgarianOrgId);
      org.nameEn = 'Quokkatronics Cluster Bulgaria';
      enqueueSearchUpdate(tx, 'Organisation', org.id);
    });
    const status = await search.status();
    expect(status.meilisearch).toBe('unreachable');
    expect(status.pending).toBeGreaterThan(0);
    await meili.restart();
    // No intervention: the worker retries on its own.
    const deadline = Date.now() + 30_000;
    let found: string[] = [];
    while (Date.now() < deadline && !found.length) {
      found = await uids('quokkatronics').catch(() => []);
      if (!found.length) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toEqual([`Organisation-${fixtures.bulgarianOrgId}`]);
    // The rows go once the task has succeeded, in the worker's transaction.
    await search.drain();
    expect((await search.status()).pending).toBe(0);
  }, 60_000);

  test('deletes reach the index', async () => {
    const em = db.orm.em.fork();
    const id = await idOf(`select id from document where origin like '004%'`);
    expect(await uids('Diplomat')).toContain(`Document-${id}`);
    await em.transactional(async (tx) => {
      await tx.execute('delete from claim where document_id = ?', [id]);
      await tx.execute('delete from document where id = ?', [id]);
      enqueueSearchUpdate(tx, 'Document', id);
    });
    await search.drain();
    expect(await uids('Diplomat')).not.toContain(`Document-${id}`);
  });

  test('reindex during reads: never an empty result while swapping', async () => {
    let stop = false;
    const counts: number[] = [];
    const reader = (async () => {
      while (!stop) counts.push((await run({ query: 'cluster', first: 1 })).nodes.length);
    })();
    for (let i = 0; i < 3; i++) await reindexAll(db.orm.em.fork(), search.clients.admin, prefix);
    stop = true;
    await reader;
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.every((n) => n === 1)).toBe(true);
  }, 120_000);
});
