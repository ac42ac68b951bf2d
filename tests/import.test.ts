import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportRunStatus } from '../src/import/import-run.entity';
import type { ImportCounts } from '../src/import/report';
import { ImportOptions, MappingError, runImport, UnusableFileError } from '../src/import/runner';
import { createTestApp, TestApp } from './helpers/test-app';

const FIXTURES = path.join(__dirname, 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);

let app: TestApp;
let tmp: string;
beforeAll(async () => {
  app = await createTestApp();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-import-test-'));
});
afterAll(() => app.close());

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => app.orm.em.fork().execute<T[]>(query, params);
const run = (file: string, mapping: string, options: Partial<ImportOptions> = {}) =>
  runImport(app.orm, { file, mapping, rejectsFile: path.join(tmp, `${path.basename(file)}.rejects.csv`), ...options });
const counts = ({ read, inserted, updated, unchanged, rejected }: ImportCounts) => ({ read, inserted, updated, unchanged, rejected });

const PARTNERS = `query ($acronym: String!) { project(acronym: $acronym) {
  acronym title startDate endDate totalBudget { amount currency } programme { code name }
  partners { role budgetShare { amount currency } organisation { name type country { code } } } } }`;

describe('CORDIS built-in mappings', () => {
  it('imports project.csv (BOM, semicolons, quoted fields, decimal commas) and organization.csv', async () => {
    const projects = await run(fixture('cordis-project.csv'), 'cordis-project');
    expect(counts(projects)).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(readFileSync(projects.rejectsFile!, 'utf8')).toMatch(/^3,startDate,2012-13-01,project\.startDate: not a calendar date$/m);

    const organisations = await run(fixture('cordis-organization.csv'), 'cordis-organization');
    expect(counts(organisations)).toEqual({ read: 6, inserted: 4, updated: 0, unchanged: 0, rejected: 2 });
    const rejects = readFileSync(organisations.rejectsFile!, 'utf8');
    expect(rejects).toMatch(/^5,projectID,999999999,participation\.project: no project with this id$/m);
    expect(rejects).toMatch(/^6,role,sponsor,"participation\.role: not one of LEAD_PARTNER, PARTNER, ASSOCIATED, OBSERVER"$/m);

    const { data, errors } = await app.gql(PARTNERS, { acronym: 'clusterwave' });
    expect(errors).toBeUndefined();
    expect(data!.project).toMatchObject({
      title: 'Cluster waves; a study of "regional" clusters',
      startDate: '2021-01-01',
      totalBudget: { amount: 1234567.89, currency: 'EUR' },
      programme: { code: 'cordis-h2020', name: 'Horizon 2020' },
    });
    const partners = data!.project.partners.map((p: any) => [p.role, p.organisation.country.code, p.budgetShare?.amount]);
    expect(partners.sort()).toEqual([
      ['ASSOCIATED', 'GB', 0],
      ['LEAD_PARTNER', 'DE', 500000],
      ['PARTNER', 'GR', 250000.5],
    ]);
    const meta = await app.gql(PARTNERS, { acronym: 'METACLUSTER' });
    expect(meta.data!.project.partners).toEqual([
      { role: 'PARTNER', budgetShare: { amount: 1000, currency: 'EUR' }, organisation: expect.objectContaining({ type: 'UNIVERSITY_OR_RESEARCH' }) },
    ]);
    // The same organisationID in two rows is one organisation.
    const [fhg] = await sql(`select count(*)::int as n from organisation where name like 'Fraunhofer%'`);
    expect(fhg.n).toBe(1);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await sql(`select (select count(*) from organisation) o, (select count(*) from claim) c, (select count(*) from participation) p, (select max(version) from project) v`);
    expect(counts(await run(fixture('cordis-project.csv'), 'cordis-project'))).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 2, rejected: 1 });
    expect(counts(await run(fixture('cordis-organization.csv'), 'cordis-organization'))).toEqual({ read: 6, inserted: 0, updated: 0, unchanged: 4, rejected: 2 });
    expect(await sql(`select (select count(*) from organisation) o, (select count(*) from claim) c, (select count(*) from participation) p, (select max(version) from project) v`)).toEqual(before);
  });

  it('records each imported value as a claim citing file and row', async () => {
    const claims = await sql(
      `select c.field, c.value, c.origin from claim c join project p on p.id = c.subject_id
        where c.subject_type = 'Project' and p.acronym = 'CLUSTERWAVE' and c.source_ref = 'cordis-project.csv:1' order by c.field`,
    );
    expect(claims).toEqual(
      expect.arrayContaining([
        { field: 'acronym', value: 'CLUSTERWAVE', origin: 'IMPORT' },
        { field: 'totalBudget', value: { amount: 1234567.89, currency: 'EUR' }, origin: 'IMPORT' },
        { field: 'cordisGrantDoi', value: '10.3030/101000001', origin: 'IMPORT' },
      ]),
    );
  });
});

describe('a mapping for a new source', () => {
  it('reads Windows-1250 CSV with value maps, number and date formats, and matches names to existing organisations', async () => {
    const before = await sql(`select count(*)::int as n from organisation where name like 'Regionální rozvojová agentura%'`);
    const summary = await run(fixture('partners-cp1250.csv'), fixture('partners.yaml'));
    expect(counts(summary)).toEqual({ read: 7, inserted: 4, updated: 0, unchanged: 0, rejected: 3 });
    const rejects = readFileSync(summary.rejectsFile!, 'utf8').trim().split('\n');
    expect(rejects.slice(1)).toEqual([
      '5,Stát,Atlantida,organisation.country: unknown country',
      expect.stringMatching(/^6,Role,XX,"participation\.role: not one of /),
      '7,Začátek,31.02.2012,project.startDate: not a calendar date',
    ]);

    const { data } = await app.gql(PARTNERS, { acronym: 'SMART-CLUST' });
    expect(data!.project).toMatchObject({ title: 'Chytré klastry; inovace', startDate: '2011-03-01', endDate: '2014-08-31', programme: { code: 'central-europe-2007-2013' } });
    expect(data!.project.partners.map((p: any) => [p.role, p.organisation.name, p.organisation.country.code, p.budgetShare.amount]).sort()).toEqual([
      ['ASSOCIATED', 'Žilinská univerzita v Žiline', 'SK', 99.5],
      ['LEAD_PARTNER', 'Regionální rozvojová agentura Ústeckého kraje, a.s.', 'CZ', 1234567.89],
      ['PARTNER', 'Technologické centrum Praha s.r.o.', 'CZ', 250000],
    ]);
    // "TECHNOLOGICKÉ CENTRUM PRAHA" (no legal form, capitals) is the same organisation; the seeded agency was not duplicated.
    const newOne = await app.gql(PARTNERS, { acronym: 'NEW-ONE' });
    expect(newOne.data!.project.partners[0].organisation.name).toBe('Technologické centrum Praha s.r.o.');
    expect(await sql(`select count(*)::int as n from organisation where name like 'Regionální rozvojová agentura%'`)).toEqual(before);
  });

  it('detects Windows-1251 and keeps Cyrillic names, adding a Latin transliteration', async () => {
    const summary = await run(fixture('bulgarian-cp1251.csv'), fixture('bulgarian.yaml'));
    expect(counts(summary)).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    const rows = await sql(`select name, name_language, transliteration, city, country_code from organisation where country_code = 'BG' and city is not null order by name`);
    expect(rows).toEqual([
      { name: '"Иновации, растеж" ЕООД', name_language: 'bul', transliteration: '"Inovatsii, rastezh" EOOD', city: 'Пловдив', country_code: 'BG' },
      { name: 'Клъстер Мехатроника и автоматизация', name_language: 'bul', transliteration: 'Klaster Mehatronika i avtomatizatsia', city: 'София', country_code: 'BG' },
    ]);
  });

  it('reads NDJSON with Swedish country names, rejecting lines that are not JSON objects', async () => {
    const summary = await run(fixture('swedish.ndjson'), fixture('swedish.yaml'));
    expect(counts(summary)).toMatchObject({ read: 4, rejected: 2 });
    const rejects = readFileSync(summary.rejectsFile!, 'utf8');
    expect(rejects).toMatch(/^3,,,not a JSON object$/m);
    expect(rejects).toMatch(/^4,typ,rymdbolag,"organisation\.type: not one of /m);
    const [lund] = await sql(`select country_code, type, website from organisation where name = 'Lunds universitet'`);
    expect(lund).toEqual({ country_code: 'SE', type: 'UNIVERSITY_OR_RESEARCH', website: 'https://www.lu.se' });
  });

  it('reads a JSON array whose rows name their project by another file\'s id', async () => {
    const summary = await run(fixture('outputs.json'), fixture('outputs.yaml'));
    expect(counts(summary)).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    const rows = await sql(`select o.type, o.titles, o.languages, o.date, o.status from output o join project p on p.id = o.project_id where p.acronym = 'SMART-CLUST' order by o.id`);
    expect(rows).toEqual([
      { type: 'STUDY', titles: [{ language: 'eng', text: 'Cluster mapping of the Ústí region' }], languages: ['ces', 'eng'], date: '2013-05-01', status: 'PUBLISHED' },
      { type: 'ACTION_PLAN', titles: [{ language: 'eng', text: 'Joint action plan' }], languages: [], date: '2014-06-30', status: 'PUBLISHED' },
    ]);
  });

  it('reads XLSX (date and number cells, rich text)', async () => {
    const summary = await run(fixture('projects.xlsx'), fixture('projects-xlsx.yaml'));
    expect(counts(summary)).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    const rows = await sql(`select acronym, titles, start_date, total_budget_amount from project where acronym like 'XL-%' order by acronym`);
    expect(rows).toEqual([
      { acronym: 'XL-CLUSTER', titles: [{ language: 'eng', text: 'Spreadsheet cluster project' }], start_date: '2010-04-01', total_budget_amount: '1500000.50' },
      { acronym: 'XL-TWO', titles: [{ language: 'eng', text: 'Rich text title' }], start_date: '2011-02-01', total_budget_amount: '2000.00' },
    ]);
  });
});

describe('unusable input', () => {
  it('refuses a missing file, a file without the mapped columns, and an invalid mapping', async () => {
    await expect(run(path.join(tmp, 'missing.csv'), 'cordis-project')).rejects.toThrow(UnusableFileError);
    await expect(run(fixture('cordis-organization.csv'), 'cordis-project')).rejects.toThrow(/missing column\(s\) .*"id"/);
    const bad = path.join(tmp, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ name: 'bad', source: 'x', records: { project: { fields: { budget: 'b' } } } }));
    await expect(run(fixture('cordis-project.csv'), bad)).rejects.toThrow(MappingError);
    await expect(run(fixture('cordis-project.csv'), 'no-such-mapping')).rejects.toThrow(MappingError);
  });
});

describe('resume', () => {
  const file = () => {
    const csv = path.join(tmp, 'resume.csv');
    writeFileSync(csv, 'ref,name\n' + Array.from({ length: 10 }, (_, i) => `r${i + 1},Resume Test Organisation ${i + 1}`).join('\n') + '\n');
    const mapping = path.join(tmp, 'resume.json');
    writeFileSync(mapping, JSON.stringify({ name: 'resume-test', source: 'resume-test', records: { organisation: { id: 'ref', fields: { name: 'name' } } } }));
    return { csv, mapping };
  };
  const imported = async () => (await sql(`select count(*)::int as n from organisation where name like 'Resume Test Organisation%'`))[0].n;

  it('keeps what was committed before a crash and continues after the last committed row', async () => {
    const { csv, mapping } = file();
    const crash = run(csv, mapping, {
      batchSize: 3,
      afterBatch: (committed) => {
        if (committed === 6) throw new Error('simulated crash');
      },
    });
    await expect(crash).rejects.toThrow('simulated crash');
    expect(await imported()).toBe(6);
    const [failed] = await sql(`select status, committed_rows from import_run where mapping = 'resume-test' order by id desc limit 1`);
    expect(failed).toEqual({ status: 'FAILED', committed_rows: 6 });

    const resumed = await run(csv, mapping, { batchSize: 3, resume: true });
    expect(resumed.status).toBe(ImportRunStatus.COMPLETED);
    expect(counts(resumed)).toEqual({ read: 10, inserted: 10, updated: 0, unchanged: 0, rejected: 0 });
    expect(await imported()).toBe(10);
    expect(await sql(`select count(*)::int as n from import_run where mapping = 'resume-test'`)).toEqual([{ n: 1 }]);
  });

  it('stops cleanly on an abort (Ctrl-C), committing what it read', async () => {
    const { csv, mapping } = file();
    const abort = new AbortController();
    const stopped = await run(csv, mapping, { batchSize: 3, signal: abort.signal, afterBatch: () => abort.abort() });
    expect(stopped.status).toBe(ImportRunStatus.INTERRUPTED);
    expect(stopped.read).toBe(3);
    const resumed = await run(csv, mapping, { batchSize: 3, resume: true });
    expect(resumed).toMatchObject({ status: ImportRunStatus.COMPLETED, read: 10, unchanged: 10 });
  });
});
