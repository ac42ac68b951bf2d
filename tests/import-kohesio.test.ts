import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/logger';
import { runImport } from '../src/import/runner';
import { liveIndex } from '../src/search/indexer';
import { SearchRuntime, startSearch } from '../src/search/runtime';
import { createTestApp, TestApp } from './helpers/test-app';
import { startTestMeili, TestMeili } from './search-helpers';

/** 2,000 rows of the real Kohesio list: the first 182 of each of its 11 countries. */
const SLICE = path.join(__dirname, 'fixtures', 'import', 'kohesio-2000.tsv');

let app: TestApp;
let tmp: string;
beforeAll(async () => {
  app = await createTestApp();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-kohesio-test-'));
});
afterAll(() => app.close());

const sql = <T = Record<string, any>>(query: string) => app.orm.em.fork().execute<T[]>(query);
const importSlice = () => runImport(app.orm, { file: SLICE, mapping: 'kohesio-beneficiaries', rejectsFile: path.join(tmp, 'rejects.csv') });
const names = async (text: string) => {
  const { data, errors } = await app.gql(`query ($text: String!) { organisations(first: 10, filter: { text: $text }) { nodes { name transliteration country { code } } } }`, { text });
  expect(errors).toBeUndefined();
  return data!.organisations.nodes;
};

describe('Kohesio beneficiaries (built-in mapping)', () => {
  it('imports the slice: one organisation per distinct name and country, nothing rejected', async () => {
    const summary = await importSlice();
    expect(summary).toMatchObject({ read: 2000, rejected: 0, unchanged: 0 });
    expect(summary.inserted + summary.updated).toBe(2000);
    const [{ n }] = await sql(`select count(*)::int as n from organisation where id in (select entity_id from external_id where source = 'kohesio')`);
    expect(n).toBe(summary.inserted);
    const countries = await sql(`select country_code as c, count(*)::int as n from organisation o join external_id e on e.entity_id = o.id and e.source = 'kohesio' and e.entity_type = 'Organisation' group by 1 order by 1`);
    expect(countries.map((r) => r.c)).toEqual(['BG', 'CZ', 'EE', 'HR', 'HU', 'LT', 'LV', 'PL', 'RO', 'SI', 'SK']);
  });

  it('keeps Cyrillic and diacritics exactly, and the source\'s transliteration', async () => {
    expect(await names('Oblastní nemocnice Příbram')).toEqual([{ name: 'Oblastní nemocnice Příbram', transliteration: null, country: { code: 'CZ' } }]);
    expect(await names('МЕЙТ КИЧЪН')).toEqual([{ name: 'МЕЙТ КИЧЪН ЕООД', transliteration: 'MEYT KIChAN EOOD', country: { code: 'BG' } }]);
  });

  it('finds Cyrillic names by their Latin transliteration, given or generated', async () => {
    expect((await names('Meyt Kichan'))[0].name).toBe('МЕЙТ КИЧЪН ЕООД');
    // No transliteration in the file: the import adds one (Bulgarian official system).
    expect(await names('Flameyzing')).toEqual([{ name: 'ФЛАМЕЙЗИНГ ЕООД', transliteration: 'FLAMEYZING EOOD', country: { code: 'BG' } }]);
  });

  it('keeps the budget aggregates as claims citing the row', async () => {
    const claims = await sql(
      `select c.field, c.value, c.source_ref from claim c join organisation o on o.id = c.subject_id and c.subject_type = 'Organisation'
        where o.name = 'Oblastní nemocnice Příbram' and c.field like 'kohesio%' order by c.field`,
    );
    expect(claims).toEqual([
      { field: 'kohesioEuContribution', value: 4150936.85, source_ref: expect.stringMatching(/^kohesio-2000\.tsv:\d+$/) },
      { field: 'kohesioProjectCount', value: 4, source_ref: expect.stringMatching(/^kohesio-2000\.tsv:\d+$/) },
      { field: 'kohesioTotalBudget', value: 5194916.5, source_ref: expect.stringMatching(/^kohesio-2000\.tsv:\d+$/) },
    ]);
  });

  it('changes nothing on a second import', async () => {
    const count = `select (select count(*) from organisation) o, (select count(*) from claim) c, (select count(*) from external_id) e, (select count(*) from search_outbox) q`;
    const before = await sql(count);
    expect(await importSlice()).toMatchObject({ read: 2000, inserted: 0, updated: 0, unchanged: 2000, rejected: 0 });
    expect(await sql(count)).toEqual(before);
  });
});

describe('Kohesio organisations in Meilisearch', () => {
  let meili: TestMeili;
  let search: SearchRuntime;
  const prefix = `k${process.pid}_`;

  beforeAll(async () => {
    meili = await startTestMeili();
    search = await startSearch({
      config: { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, DATA_DIR: '/nonexistent', SEARCH_INDEX_PREFIX: prefix },
      orm: app.orm,
      logger: createLogger('silent'),
      pollMs: 100,
    });
    // The import queued every organisation in the outbox; the worker indexes them.
    await search.drain();
  }, 120_000);
  afterAll(async () => {
    await search?.stop();
    await search?.clients.admin.deleteIndex(liveIndex(prefix)).catch(() => undefined);
    await meili?.dispose();
  });

  it.each([
    ['Мейт Кичън', 'МЕЙТ КИЧЪН ЕООД'],
    ['meyt kichan', 'МЕЙТ КИЧЪН ЕООД'],
    ['Flameyzing', 'ФЛАМЕЙЗИНГ ЕООД'],
    ['Фламейзинг', 'ФЛАМЕЙЗИНГ ЕООД'],
    ['nemocnice Pribram', 'Oblastní nemocnice Příbram'],
  ])('finds "%s"', async (query, title) => {
    const result = await search.service.search(app.orm.em.fork(), { query, first: 5, filter: { types: ['Organisation'] } });
    expect(result.nodes.map((n) => n.title)).toContain(title);
  });
});
