/**
 * `npm run bench:data -- --scale 1k|10k|100k [--database-url URL]`: a deterministic synthetic
 * knowledge base (about 5 partners and 5 outputs per project, organisations in 30 countries,
 * documents in 12 languages and 3 scripts, long-tail themes and sectors), bulk-loaded with SQL
 * into its own database, then the search index rebuilt. Prints how long loading and indexing took.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { connectOrm, migrate } from '../src/db/database';
import { ensureReferenceData } from '../src/modules/country/country.service';
import { organisationNameKey } from '../src/shared/names';
import { insertRows } from './lib/bulk';
import { Random } from './lib/random';
import { COUNTRIES, LANGUAGES, ORGANISATION_TYPES, OUTPUT_TYPES, WORDS } from './lib/vocabulary';

export const SCALES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };
const PROGRAMMES = 12;
const THEMES = 40;
const SECTORS = 30;
const PARTNERS_PER_PROJECT = 5;
const OUTPUTS_PER_PROJECT = 5;

export interface GeneratedData {
  projects: number;
  organisations: number;
  seconds: number;
}

function sentence(random: Random, language: (typeof LANGUAGES)[number], words: number): string {
  return Array.from({ length: words }, () => random.pick(WORDS[language])).join(' ');
}

export async function generate(databaseUrl: string, scale: string): Promise<GeneratedData> {
  const projects = SCALES[scale];
  if (!projects) throw new Error(`unknown scale "${scale}" (use ${Object.keys(SCALES).join(', ')})`);
  const started = Date.now();
  const orm = await connectOrm(databaseUrl);
  await migrate(orm);
  await ensureReferenceData(orm.em.fork());
  await orm.close();

  const random = new Random(20261122);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`truncate programme, organisation, theme, sector, document, claim, external_id, search_outbox restart identity cascade`);

    await insertRows(client, 'theme', ['id', 'code', 'labels'], Array.from({ length: THEMES }, (_, i) => [
      i + 1, `theme-${i + 1}`, JSON.stringify([{ language: 'eng', text: `Theme ${i + 1} ${WORDS.eng[i % WORDS.eng.length]}` }]),
    ]));
    await insertRows(client, 'sector', ['id', 'code', 'labels'], Array.from({ length: SECTORS }, (_, i) => [
      i + 1, `sector-${i + 1}`, JSON.stringify([{ language: 'eng', text: `Sector ${i + 1} ${WORDS.eng[(i + 5) % WORDS.eng.length]}` }]),
    ]));
    await insertRows(client, 'programme', ['id', 'code', 'name', 'names', 'period_start', 'period_end', 'strand', 'funding_instruments'],
      Array.from({ length: PROGRAMMES }, (_, i) => {
        const start = [2007, 2014, 2021][i % 3];
        return [i + 1, `programme-${i + 1}-${start}-${start + 6}`, `Synthetic programme ${i + 1}`, '[]', start, start + 6,
          ['TRANSNATIONAL', 'CROSS_BORDER', 'INTERREGIONAL'][i % 3], '{ERDF}'];
      }));
    await insertRows(client, 'programme_eligibility', ['programme_id', 'country_code', 'coverage', 'regions'],
      Array.from({ length: PROGRAMMES }, (_, p) => COUNTRIES.filter((_, c) => (c + p) % 3 !== 0).map(([code]) => [p + 1, code, 'WHOLE', '{}'])).flat());
    const calls = Array.from({ length: PROGRAMMES * 4 }, (_, i) => [i + 1, Math.floor(i / 4) + 1, (i % 4) + 1, `Call ${(i % 4) + 1}`]);
    await insertRows(client, 'call', ['id', 'programme_id', 'ordinal', 'name'], calls);

    const organisationCount = Math.round(projects * 1.5);
    const organisationCountries: string[] = [];
    await insertRows(client, 'organisation', ['id', 'name', 'name_language', 'name_key', 'type', 'country_code', 'region'],
      Array.from({ length: organisationCount }, (_, i) => {
        const [country, language] = COUNTRIES[random.zipf(COUNTRIES.length)];
        organisationCountries.push(country);
        const name = `${sentence(random, language, 3)} ${i + 1}`;
        return [i + 1, name, language, organisationNameKey(name), random.pick(ORGANISATION_TYPES), country, `Region ${random.int(1, 8)}`];
      }));

    const projectRows: unknown[][] = [];
    const participations: unknown[][] = [];
    const outputs: unknown[][] = [];
    const projectThemes: unknown[][] = [];
    const projectSectors: unknown[][] = [];
    for (let id = 1; id <= projects; id++) {
      const programme = random.int(1, PROGRAMMES);
      const language = random.pick(LANGUAGES);
      const startYear = random.int(2007, 2023);
      const total = random.int(200_000, 5_000_000);
      projectRows.push([
        id, `P${id}`, `P${id}`, JSON.stringify([{ language, text: sentence(random, language, 8) }, { language: 'eng', text: sentence(random, 'eng', 8) }]),
        programme, (programme - 1) * 4 + random.int(1, 4), startYear > 2021 ? 'ONGOING' : 'FINISHED',
        `${startYear}-0${random.int(1, 9)}-01`, `${startYear + random.int(2, 4)}-12-31`, total, 'EUR', Math.round(total * 0.85), 'EUR', 0.85,
        JSON.stringify([{ kind: 'OBJECTIVE', language, text: sentence(random, language, 30) }, { kind: 'SUMMARY', language: 'eng', text: sentence(random, 'eng', 40) }]),
      ]);
      const partners = new Set<number>();
      while (partners.size < PARTNERS_PER_PROJECT) partners.add(1 + random.zipf(organisationCount));
      [...partners].forEach((organisation, i) => participations.push([id, organisation, i === 0 ? 'LEAD_PARTNER' : 'PARTNER']));
      for (let o = 0; o < OUTPUTS_PER_PROJECT; o++) {
        outputs.push([id, random.pick(OUTPUT_TYPES), JSON.stringify([{ language, text: sentence(random, language, 5) }]),
          JSON.stringify([{ language, text: sentence(random, language, 20) }]), `{${language}}`, 'PUBLISHED']);
      }
      const themes = new Set<number>();
      const themeCount = random.int(1, 4);
      while (themes.size < themeCount) themes.add(1 + random.zipf(THEMES));
      themes.forEach((theme) => projectThemes.push([id, theme]));
      projectSectors.push([id, 1 + random.zipf(SECTORS)]);
    }
    await insertRows(client, 'project', ['id', 'acronym', 'acronym_key', 'titles', 'programme_id', 'call_id', 'status', 'start_date', 'end_date',
      'total_budget_amount', 'total_budget_currency', 'eu_contribution_amount', 'eu_contribution_currency', 'cofinancing_rate', 'statements', 'work_packages'],
      projectRows.map((row) => [...row, '[]']));
    await insertRows(client, 'participation', ['project_id', 'organisation_id', 'role'], participations);
    await insertRows(client, 'output', ['project_id', 'type', 'titles', 'descriptions', 'languages', 'status'], outputs);
    await insertRows(client, 'project_theme', ['project_id', 'theme_id'], projectThemes);
    await insertRows(client, 'project_sector', ['project_id', 'sector_id'], projectSectors);

    const documents = Math.max(10, Math.round(projects / 5));
    await insertRows(client, 'document', ['id', 'title', 'language', 'text', 'origin_kind', 'origin', 'checksum'],
      Array.from({ length: documents }, (_, i) => {
        const language = LANGUAGES[i % LANGUAGES.length];
        return [i + 1, sentence(random, language, 6), language, sentence(random, language, 120), 'TEXT', `synthetic:${i + 1}`, `${i + 1}`.padStart(64, '0')];
      }));
    await insertRows(client, 'document_project', ['document_id', 'project_id'],
      Array.from({ length: documents }, (_, i) => [i + 1, 1 + ((i * 5) % projects)]));

    for (const table of ['theme', 'sector', 'programme', 'call', 'organisation', 'project', 'document']) {
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    }
    await client.query('commit');
    // Vacuum too: index-only scans (related-project candidates) need the visibility map a bulk load lacks.
    await client.query('vacuum analyze');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
  return { projects, organisations: Math.round(projects * 1.5), seconds: (Date.now() - started) / 1000 };
}
