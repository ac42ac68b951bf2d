import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { connectOrm, migrate } from '../src/db/database';
import { ExportFormat, exportKnowledgeBase, Manifest } from '../src/import/export';
import { runImport } from '../src/import/runner';
import { ensureReferenceData } from '../src/modules/country/country.service';
import { withDatabase } from './global-setup';
import { createTestApp, TestApp } from './helpers/test-app';

const IMPORTED_TYPES = ['programmes', 'projects', 'organisations', 'participations', 'outputs'];

let app: TestApp;
let tmp: string;
const emptyDatabases: { orm: MikroORM; name: string }[] = [];

beforeAll(async () => {
  app = await createTestApp();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-export-test-'));
  // Imported content with Cyrillic, money and participations, besides the seeds.
  await runImport(app.orm, { file: path.join(__dirname, 'fixtures', 'import', 'partners-cp1250.csv'), mapping: path.join(__dirname, 'fixtures', 'import', 'partners.yaml'), rejectsFile: path.join(tmp, 'r.csv') });
  await app.orm.em.fork().execute(`update output set status = 'DRAFT' where id = (select min(id) from output)`);
});

afterAll(async () => {
  const admin = new Client({ connectionString: process.env.CB_TEST_ADMIN_URL });
  await admin.connect();
  for (const db of emptyDatabases) {
    await db.orm.close();
    await admin.query(`drop database if exists ${db.name} with (force)`);
  }
  await admin.end();
  await app.close();
});

async function emptyDatabase(): Promise<MikroORM> {
  const name = `cb_export_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.CB_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const orm = await connectOrm(withDatabase(process.env.CB_TEST_ADMIN_URL!, name));
  emptyDatabases.push({ orm, name });
  await migrate(orm);
  await ensureReferenceData(orm.em.fork());
  return orm;
}

const readNdjson = (dir: string, type: string) =>
  readFileSync(path.join(dir, `${type}.ndjson`), 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));

/**
 * The records with ids replaced by natural keys (programme code, acronym, name and country…), so
 * two databases that hold the same content compare equal whatever their surrogate keys.
 */
function canonical(dir: string): Record<string, unknown[]> {
  const keys = new Map<string, string>();
  const out: Record<string, unknown[]> = {};
  const natural: Record<string, (r: any) => string> = {
    programmes: (r) => r.code,
    projects: (r) => `${keys.get(r.programme)}/${r.acronym}`,
    organisations: (r) => `${r.name}|${r.country ?? ''}`,
    participations: (r) => `${keys.get(r.project)}|${keys.get(r.organisation)}`,
    outputs: (r) => `${keys.get(r.project)}|${r.titles[0]?.text}`,
  };
  for (const type of IMPORTED_TYPES) {
    const records = readNdjson(dir, type).map((r) => {
      const key = natural[type](r);
      keys.set(r.id, key);
      const { id: _id, ...rest } = r;
      for (const ref of ['programme', 'project', 'organisation']) if (rest[ref]) rest[ref] = keys.get(rest[ref]);
      return { key, ...rest };
    });
    out[type] = records.sort((a, b) => a.key.localeCompare(b.key));
  }
  return out;
}

async function exportTo(orm: MikroORM, format: ExportFormat): Promise<{ dir: string; manifest: Manifest }> {
  const dir = mkdtempSync(path.join(tmp, `${format}-`));
  return { dir, manifest: await exportKnowledgeBase(orm, format, dir) };
}

async function importExport(orm: MikroORM, dir: string, extension: string): Promise<void> {
  for (const type of IMPORTED_TYPES) {
    const summary = await runImport(orm, { file: path.join(dir, `${type}.${extension}`), mapping: `clusterbase-${type}`, rejectsFile: path.join(dir, `${type}.rejects.csv`) });
    expect({ type, rejected: summary.rejected, inserted: summary.inserted }).toEqual({ type, rejected: 0, inserted: summary.read });
  }
}

describe('export', () => {
  it('writes one file per type and a manifest with counts and checksums; no drafts, no personal data', async () => {
    const { dir, manifest } = await exportTo(app.orm, 'ndjson');
    expect(manifest.files.map((f) => f.file)).toEqual([...IMPORTED_TYPES, 'documents'].map((t) => `${t}.ndjson`));
    for (const f of manifest.files) {
      const content = readFileSync(path.join(dir, f.file));
      expect(createHash('sha256').update(content).digest('hex')).toBe(f.sha256);
      expect(content.toString('utf8').split('\n').filter(Boolean)).toHaveLength(f.count);
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).checksum).toBe(manifest.checksum);
    const [{ published }] = await app.orm.em.fork().execute(`select count(*)::int as published from output where status = 'PUBLISHED'`);
    expect(manifest.files.find((f) => f.type === 'outputs')!.count).toBe(published);
    const everything = manifest.files.map((f) => readFileSync(path.join(dir, f.file), 'utf8')).join('');
    expect(everything).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i); // no e-mail addresses
    expect(everything).not.toContain('475 200 016'); // nor the phone numbers source texts quote
    expect(everything).toContain('Chytré klastry; inovace');
  });

  it('gives the same ids and checksum when nothing changed', async () => {
    const [a, b] = [await exportTo(app.orm, 'ndjson'), await exportTo(app.orm, 'ndjson')];
    expect(b.manifest.checksum).toBe(a.manifest.checksum);
  });

  it('uses schema.org types in JSON-LD', async () => {
    const { dir } = await exportTo(app.orm, 'jsonld');
    const graph = (type: string) => JSON.parse(readFileSync(path.join(dir, `${type}.jsonld`), 'utf8'));
    expect(graph('projects')['@context']).toBe('https://schema.org/');
    expect(graph('projects')['@graph'][0]).toMatchObject({ '@type': 'Project', '@id': expect.stringMatching(/^urn:clusterbase:/) });
    expect(graph('organisations')['@graph'][0]['@type']).toBe('Organization');
    expect(graph('outputs')['@graph'][0]['@type']).toBe('CreativeWork');
  });

  it.each([
    ['ndjson', 'ndjson'],
    ['csv', 'csv'],
  ] as const)('round-trips through %s: import into an empty database reproduces the published content', async (format, extension) => {
    const source = await exportTo(app.orm, 'ndjson');
    const exported = format === 'ndjson' ? source : await exportTo(app.orm, format);
    const empty = await emptyDatabase();
    await importExport(empty, exported.dir, extension);
    const copy = await exportTo(empty, 'ndjson');
    expect(canonical(copy.dir)).toEqual(canonical(source.dir));
  });
});
