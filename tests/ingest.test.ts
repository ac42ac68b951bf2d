import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { ingestFiles } from '../src/import/ingest/ingest';
import { runImport } from '../src/import/runner';
import { createTestApp, TestApp } from './helpers/test-app';

const FIXTURES = path.join(__dirname, 'fixtures', 'import');
const DOCUMENTS = path.join(FIXTURES, 'documents');

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // A Bulgarian organisation, named in Cyrillic only, for cross-script mentions.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-ingest-test-'));
  await runImport(app.orm, { file: path.join(FIXTURES, 'bulgarian-cp1251.csv'), mapping: path.join(FIXTURES, 'bulgarian.yaml'), rejectsFile: path.join(tmp, 'r.csv') });
});
afterAll(() => app.close());

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => app.orm.em.fork().execute<T[]>(query, params);

/** What each stored document is linked to, as "Type:name" sorted. */
async function linksOf(file: string): Promise<string[]> {
  const rows = await sql(
    `select 'Project:' || p.acronym as link from document d join document_project x on x.document_id = d.id join project p on p.id = x.project_id where d.origin like ?
     union select 'Programme:' || p.code from document d join document_programme x on x.document_id = d.id join programme p on p.id = x.programme_id where d.origin like ?
     union select 'Organisation:' || o.name from document d join document_organisation x on x.document_id = d.id join organisation o on o.id = x.organisation_id where d.origin like ?`,
    [`%/${file}`, `%/${file}`, `%/${file}`],
  );
  return rows.map((r) => r.link).sort();
}

describe('npm run ingest', () => {
  // Through the real command: pdf.js loads its worker with a dynamic import, which Jest's VM cannot run.
  it('stores .txt, .md, .html and .pdf texts with their detected language', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', 'src', 'cli', 'ingest.ts'), DOCUMENTS], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl, LOG_LEVEL: 'warn' },
    });
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.replace(DOCUMENTS + '/', '').replace(/document \d+/, 'document N'))).toEqual([
      'inserted  bulgarian-news.md: document N, bul, 3 mentions',
      'inserted  cloud-note.txt: document N, eng, 7 mentions',
      'inserted  clusters-cord-report.pdf: document N, eng, 2 mentions',
      'inserted  page.html: document N, eng, 3 mentions',
    ]);
    expect(lines.at(-1)).toBe('4 files: inserted 4, unchanged 0, failed 0');
    const docs = await sql(`select title, text from document where origin like ? order by title`, [`${DOCUMENTS}/%`]);
    expect(docs.map((d) => d.title)).toEqual([
      'ClusterPoliSEE final conference',
      'Final report of the CLUSTERS-CORD project in the CENTRAL EUROPE Programme.',
      'Meeting note: CLOUD and Clusters Cord',
      'Клъстерна среща в София',
    ]);
    const html = docs.find((d) => d.title.startsWith('ClusterPoliSEE'))!.text;
    expect(html).toContain('The ClusterPoliSEE partners presented smarter cluster policies');
    expect(html).not.toMatch(/<|color: red|var cloud/);
  });

  it('links documents to what they mention, by acronym, name variant, and across scripts', async () => {
    expect(await linksOf('cloud-note.txt')).toEqual([
      'Organisation:Regionální rozvojová agentura Ústeckého kraje, a.s.',
      'Organisation:Клъстер Мехатроника и автоматизация',
      'Programme:south-east-europe-2007-2013',
      'Project:CLOUD',
      'Project:CLUSTERS-CORD',
    ]);
    expect(await linksOf('bulgarian-news.md')).toEqual(['Organisation:Клъстер Мехатроника и автоматизация', 'Project:CLOUD', 'Project:ClusterPoliSEE']);
    expect(await linksOf('page.html')).toEqual(['Programme:south-east-europe-2007-2013', 'Project:ClusterPoliSEE']);
    expect(await linksOf('clusters-cord-report.pdf')).toEqual(['Programme:central-europe-2007-2013', 'Project:CLUSTERS-CORD']);
  });

  it('stores each matched span as a claim whose offsets quote the document text', async () => {
    const claims = await sql(
      `select c.quote, c.start_offset, c.end_offset, d.text from claim c join document d on d.id = c.document_id
        where c.origin = 'INGEST' and d.origin like ? order by c.start_offset`,
      ['%/cloud-note.txt'],
    );
    expect(claims.map((c) => c.quote)).toEqual([
      'CLOUD',
      'Clusters Cord',
      'CLOUD',
      'South East Europe',
      'Clusters Cord',
      'Regionální rozvojová agentura Ústeckého kraje',
      'Klaster Mehatronika i avtomatizatsia',
    ]);
    for (const c of claims) expect([...c.text].slice(c.start_offset, c.end_offset).join('')).toBe(c.quote);
  });

  it('queues new documents for search and leaves a text it already has alone', async () => {
    const [{ n }] = await sql(`select count(*)::int as n from search_outbox where entity_type = 'Document'`);
    expect(n).toBeGreaterThanOrEqual(4);
    const again = await ingestFiles(app.orm, [path.join(DOCUMENTS, 'page.html')]);
    expect(again.map((r) => r.outcome)).toEqual(['unchanged']);
  });
});
