import { createLogger } from '../src/logger';
import { liveIndex, reindexAll } from '../src/search/indexer';
import { SearchRuntime, startSearch } from '../src/search/runtime';
import { addSearchFixtures, createSeededDatabase, startTestMeili, TestDatabase, TestMeili } from './search-helpers';

/**
 * Cross-language recall on the seeds: each query, in one language, lists the records that are
 * relevant to it whatever their language (judged by reading them). Recall = relevant records on
 * the first page (20 hits) / relevant records, over all queries.
 */
type Judgement = [type: string, table: string, where: string];
const policy = (w: string): Judgement => ['Policy', 'policy', `names::text ilike '%${w}%'`];
const output = (w: string): Judgement => ['Output', 'output', `titles::text ilike '%${w}%'`];
const org = (w: string): Judgement => ['Organisation', 'organisation', `name ilike '%${w}%'`];
const doc = (file: string): Judgement => ['Document', 'document', `origin like '${file}%'`];
const project = (key: string): Judgement => ['Project', 'project', `acronym_key = '${key}'`];
const practice = (w: string): Judgement => ['BestPractice', 'best_practice', `titles::text ilike '%${w}%'`];

const QUERIES: [query: string, relevant: Judgement[]][] = [
  ['smart specialisation', [doc('002'), doc('003'), policy('specializzazione intelligente')]],
  ['specializzazione intelligente', [doc('002'), doc('003'), policy('specializzazione intelligente')]],
  ['интелигентна специализация', [doc('002'), doc('003'), policy('specializzazione intelligente')]],
  ['cluster policy', [policy('klastrová politika'), policy('регионални клъстерни политики'), policy('Permanent policy dialogue'), output('клъстерни политики')]],
  ['klastrová politika', [policy('klastrová politika'), policy('регионални клъстерни политики'), policy('Permanent policy dialogue'), output('клъстерни политики')]],
  ['клъстерна политика', [policy('klastrová politika'), policy('регионални клъстерни политики'), policy('Permanent policy dialogue')]],
  ['politiche di cluster', [policy('klastrová politika'), policy('регионални клъстерни политики'), policy('Permanent policy dialogue')]],
  ['benchmarking', [output('Benchmarking report'), output('Benchmarkingové'), output('benchmark per le iniziative')]],
  ['meta-cluster', [output('metaklastry')]],
  ['ICT', [output('платформа на сътрудничество за ИКТ'), practice('ICT effective introduction')]],
  ['klasterni politiki', [output('клъстерни политики'), policy('регионални клъстерни политики')]],
  ['Klaster Mehatronika', [org('Клъстер Мехатроника')]],
  ['mechatronics cluster', [org('Клъстер Мехатроника')]],
  ['regional development agency', [org('Regionální rozvojová agentura'), org('regionálna Rozvojová agentúra'), org('agency CELJE'), org('Agency Bielsko'), org('ARLEG')]],
  ['agenzia di sviluppo regionale', [org('Regionální rozvojová agentura'), org('regionálna Rozvojová agentúra'), org('agency CELJE'), org('Agency Bielsko'), org('ARLEG')]],
  ['hidden champions', [output('Hidden Champions Catalogue'), practice('Hidden Champions'), doc('001')]],
  ['campioni nascosti', [output('Hidden Champions Catalogue'), practice('Hidden Champions')]],
  ['piano d\'azione', [output('Joint transnational action plan')]],
  ['Ustecky kraj', [org('Ústecký kraj'), org('Ústeckého kraje')]],
  ['Clusters Cord', [project('CLUSTERSCORD'), doc('004')]],
  ['innovazione', [org('vývoj, inovace')]],
  ['klastr', [output('mapování klastrů'), org('Národní klastrová'), org('Evropská klastrová'), policy('klastrová politika')]],
];

let meili: TestMeili;
let db: TestDatabase;
let search: SearchRuntime;
const prefix = `r${process.pid}_`;

beforeAll(async () => {
  [meili, db] = await Promise.all([startTestMeili(), createSeededDatabase()]);
  await addSearchFixtures(db.orm);
  search = await startSearch({
    config: { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, DATA_DIR: '/nonexistent', SEARCH_INDEX_PREFIX: prefix },
    orm: db.orm,
    logger: createLogger('silent'),
  });
  await reindexAll(db.orm.em.fork(), search.clients.admin, prefix);
}, 180_000);

afterAll(async () => {
  await search?.stop();
  await search?.clients.admin.deleteIndex(liveIndex(prefix)).catch(() => undefined);
  await db?.dispose();
  await meili?.dispose();
});

test('cross-language recall on the seed query set', async () => {
  const conn = db.orm.em.getConnection();
  let relevant = 0;
  let found = 0;
  const misses: string[] = [];
  for (const [query, judgements] of QUERIES) {
    const result = await search.service.search(db.orm.em.fork(), { query, first: 20 });
    const hits = new Set(result.nodes.map((n) => `${n.type}-${n.entityId}`));
    for (const [type, table, where] of judgements) {
      const rows = await conn.execute<{ id: number }[]>(`select id from ${table} where ${where}`);
      expect(rows.length).toBeGreaterThan(0); // the judgement must name an existing record
      for (const { id } of rows) {
        relevant++;
        if (hits.has(`${type}-${id}`)) found++;
        else misses.push(`"${query}" missed ${type} ${where}`);
      }
    }
  }
  const recall = found / relevant;
  console.log(`search recall: ${found}/${relevant} = ${(recall * 100).toFixed(1)}% over ${QUERIES.length} queries${misses.length ? `\n${misses.join('\n')}` : ''}`);
  expect(recall).toBeGreaterThanOrEqual(0.9);
});
