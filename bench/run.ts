/**
 * `npm run bench -- [--scale 10k] [--seconds 10] [--connections 8] [--soak 300] [--no-search]`
 * Loads the scale's synthetic data if needed, starts Clusterbase, PostGraphile 4.14 and a raw-SQL
 * server on the same database, drives each scenario with autocannon after a warm-up, and writes
 * bench/results/<date>-<scale>.json plus a Markdown table with the ratios measured side by side.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../src/logger';
import { generate, SCALES } from './generate';
import { LoadRequest, LoadResult, runLoad } from './lib/load';
import { rssBytes, Service, startService } from './lib/processes';
import { argument, benchDatabase, benchSearch, BenchSearch, reindexBench } from './lib/services';
import { connectOrm } from '../src/db/database';
import { AccountRole } from '../src/modules/auth/auth.entity';
import { createAccount, issueToken } from '../src/modules/auth/auth.service';
import { countRecords } from '../src/search/documents';
import { liveIndex } from '../src/search/indexer';
import { createMeiliClients } from '../src/search/meili';
import { SearchService } from '../src/search/search.service';
import { REGISTER_OUTPUT, Scenario, SCENARIOS, SEARCH } from './scenarios';

const ROOT = path.resolve(__dirname, '..');
/**
 * Servers run as `node --import tsx <file>`: one process, so the RSS sampled is the server's own
 * (the tsx CLI would put a wrapper process between us and it).
 */
const TS_ENTRY = ['--import', 'tsx'];
/** The API starts exactly as `npm start` starts it (package.json), heap cap included. */
const API_ARGS = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .slice(1)
  .map((arg) => (arg.endsWith('.ts') ? path.join(ROOT, arg) : arg));

interface Row {
  scenario: string;
  target: string;
  result: LoadResult;
  sqlPerRequest?: number;
  rssMb?: number;
}

async function sqlStatements(api: Service): Promise<number> {
  const text = await (await fetch(api.url.replace('/graphql', '/metrics'))).text();
  return Number(/^clusterbase_sql_statements_total (\d+)/m.exec(text)?.[1] ?? 0);
}

async function keysFor(databaseUrl: string): Promise<Record<Scenario['keys'], string[]>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const acronyms = (await client.query<{ k: string }>('select acronym_key as k from project order by id limit 500')).rows.map((r) => r.k);
    const programmes = (await client.query<{ k: string }>('select code as k from programme order by id')).rows.map((r) => r.k);
    return { acronyms, programmes, queries: ['innovation', 'klaster', 'регионално развитие', 'energie', 'tourism'] };
  } finally {
    await client.end();
  }
}

async function projectCount(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as n from project')).rows[0].n);
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

function ensurePeersInstalled(): void {
  const peers = path.join(__dirname, 'peers');
  if (!existsSync(path.join(peers, 'node_modules', 'postgraphile'))) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: peers, stdio: 'inherit' });
  }
}

function markdown(rows: Row[], meta: Record<string, unknown>): string {
  const lines = [
    `Scale ${meta.scale} (${meta.projects} projects) on ${meta.machine}, ${meta.connections} connections, ${meta.seconds} s per run after warm-up.`,
    '',
    '| scenario | target | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/request | API RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| ${r.scenario} | ${r.target} | ${r.result.requestsPerSecond} | ${ms(r.result.p50)} | ${ms(r.result.p95)} | ${ms(r.result.p99)} | ${r.result.errors} | ${r.sqlPerRequest ?? ''} | ${r.rssMb ?? ''} |`,
    ),
    '',
    '| scenario | req/s ours÷PostGraphile | p95 ours÷PostGraphile | req/s ours÷raw | p95 ours÷raw |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const scenario of [...new Set(rows.map((r) => r.scenario))]) {
    const of = (target: string) => rows.find((r) => r.scenario === scenario && r.target === target)?.result;
    const ours = of('clusterbase');
    const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : '');
    const peer = of('postgraphile');
    const raw = of('raw') ?? of('meilisearch');
    const uncachedRow = of('clusterbase (no cache)');
    if (!peer && !raw) continue;
    lines.push(`| ${scenario} | ${ratio(ours?.requestsPerSecond, peer?.requestsPerSecond)} | ${ratio(ours?.p95, peer?.p95)} | ${ratio(ours?.requestsPerSecond, raw?.requestsPerSecond)} | ${ratio(ours?.p95, raw?.p95)} |`);
    if (uncachedRow) {
      lines.push(`| ${scenario}, no cache | ${ratio(uncachedRow.requestsPerSecond, peer?.requestsPerSecond)} | ${ratio(uncachedRow.p95, peer?.p95)} | ${ratio(uncachedRow.requestsPerSecond, raw?.requestsPerSecond)} | ${ratio(uncachedRow.p95, raw?.p95)} |`);
    }
  }
  const soak = meta.soakRssMb as number[] | undefined;
  if (soak?.length) {
    const minute = (samples: number[]) => Math.round(samples.reduce((sum, v) => sum + v, 0) / samples.length);
    lines.push(
      '',
      `Soak: (a) on the cached API for ${meta.soakSeconds} s; RSS every 10 s: ${soak.join(', ')} MB ` +
        `(first minute ${minute(soak.slice(0, 6))} MB, last minute ${minute(soak.slice(-6))} MB, peak ${Math.max(...soak)} MB).`,
    );
  }
  return lines.join('\n');
}

const ms = (value: number) => value.toFixed(1);

/** The index must hold every record of the database; rebuild it when it does not. */
async function ensureIndexed(databaseUrl: string, search: BenchSearch): Promise<number | undefined> {
  const orm = await connectOrm(databaseUrl);
  try {
    const expected = await countRecords(orm.em.fork());
    const index = createMeiliClients(search).admin.index(liveIndex(search.prefix));
    const actual = await index.getStats().then((stats) => stats.numberOfDocuments, () => 0);
    if (actual === expected) return undefined;
  } finally {
    await orm.close();
  }
  return (await reindexBench(databaseUrl, search)).seconds;
}

/** Scenario (d): the GraphQL search and the very same multi-search sent straight to Meilisearch. */
async function searchScenario(databaseUrl: string, search: BenchSearch): Promise<Scenario> {
  const service = new SearchService(createMeiliClients(search).search, search.prefix);
  const orm = await connectOrm(databaseUrl);
  const filter = await service.filterExpression(orm.em.fork(), { types: ['Project', 'Output'] }, null);
  await orm.close();
  return {
    id: 'd',
    title: 'federated search with filters and facets',
    keys: 'queries',
    clusterbase: (query) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: SEARCH, variables: { query } }) }),
    meilisearch: (query) => ({
      method: 'POST',
      path: '/multi-search',
      body: JSON.stringify({ queries: service.queries(query, filter, { limit: 10, offset: 0 }) }),
      headers: { authorization: `Bearer ${search.masterKey}` },
    }),
  };
}

/** Scenario (e): a partner registers outputs for a project of its organisation. */
async function registerScenario(databaseUrl: string): Promise<Scenario> {
  const orm = await connectOrm(databaseUrl);
  try {
    const em = orm.em.fork();
    const [lead] = await em.getConnection().execute<{ project_id: number; organisation_id: number }[]>(
      `select project_id, organisation_id from participation where role = 'LEAD_PARTNER' order by project_id limit 1`,
    );
    const account = createAccount(em, { name: 'Benchmark partner', role: AccountRole.PARTNER, organisationId: lead.organisation_id });
    const { token } = issueToken(em, account, 'benchmark');
    await em.flush();
    const projectId = Buffer.from(`Project:${lead.project_id}`).toString('base64url');
    return {
      id: 'e',
      title: 'partner registerOutput mutation',
      keys: 'queries',
      clusterbase: (key) => ({
        method: 'POST',
        path: '/graphql',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: REGISTER_OUTPUT, variables: { input: { projectId, type: 'STUDY', titles: [{ language: 'eng', text: `Benchmark study ${key}` }] } } }),
      }),
    };
  } finally {
    await orm.close();
  }
}

async function main(): Promise<void> {
  const scale = argument('scale', '10k')!;
  if (!SCALES[scale]) throw new Error(`unknown scale ${scale}`);
  const seconds = Number(argument('seconds', '10'));
  const connections = Number(argument('connections', '8'));
  const soak = Number(argument('soak', '0'));
  // --no-search: skip (d) and the index check, e.g. at a scale whose index is not built yet.
  const withSearch = !process.argv.includes('--no-search');
  const logger = createLogger('warn');
  const database = await benchDatabase(scale, logger);
  const services: Service[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  // Ctrl-C must not leave servers behind on the benchmark's ports.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.all(services.map((s) => s.stop())).finally(() => process.exit(130));
    });
  }
  try {
    let loading: number | undefined;
    if ((await projectCount(database.url)) !== SCALES[scale]) {
      loading = (await generate(database.url, scale)).seconds;
      console.log(`loaded scale ${scale} in ${loading.toFixed(1)} s`);
    }
    ensurePeersInstalled();
    const keys = await keysFor(database.url);
    const search = await benchSearch(scale, logger);
    stoppers.push(() => search.stop());
    const indexing = withSearch ? await ensureIndexed(database.url, search) : undefined;
    if (indexing !== undefined) console.log(`indexed scale ${scale} for search in ${indexing.toFixed(1)} s`);
    const apiEnv = (port: string, cacheSeconds: string) => ({
      DATABASE_URL: database.url, PORT: port, HOST: '127.0.0.1', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', MAX_QUERY_COMPLEXITY: '100000',
      // Without search, point at a closed port: the API must not start indexing in the background mid-run.
      MEILI_URL: withSearch ? search.url : 'http://127.0.0.1:9', MEILI_MASTER_KEY: search.masterKey, SEARCH_INDEX_PREFIX: search.prefix,
      RATE_LIMIT_ANONYMOUS: '100000000', RATE_LIMIT_AUTHENTICATED: '100000000', RESPONSE_CACHE_MAX_AGE: cacheSeconds,
    });
    const api = await startService('clusterbase', process.execPath, API_ARGS, apiEnv('4801', '300'),
      'http://127.0.0.1:4801/graphql', 'http://127.0.0.1:4801/readyz');
    services.push(api);
    const uncached = await startService('clusterbase (no cache)', process.execPath, API_ARGS, apiEnv('4804', '0'),
      'http://127.0.0.1:4804/graphql', 'http://127.0.0.1:4804/readyz');
    services.push(uncached);
    const meilisearch: Service = { name: 'meilisearch', url: search.url, process: api.process, stop: async () => undefined };
    const postgraphile = await startService('postgraphile', process.execPath,
      [path.join(__dirname, 'peers/node_modules/postgraphile/cli.js'), '-c', database.url, '-s', 'public', '-p', '4802', '-n', '127.0.0.1', '--disable-query-log', '--no-setof-functions-contain-nulls'],
      {}, 'http://127.0.0.1:4802/graphql', 'http://127.0.0.1:4802/graphql');
    services.push(postgraphile);
    const raw = await startService('raw', process.execPath, [...TS_ENTRY, path.join(__dirname, 'raw-server.ts'), database.url, '4803'], {},
      'http://127.0.0.1:4803', 'http://127.0.0.1:4803/project?key=P1');
    services.push(raw);

    const rows: Row[] = [];
    const scenarios = [...SCENARIOS, ...(withSearch ? [await searchScenario(database.url, search)] : []), await registerScenario(database.url)];
    for (const scenario of scenarios) {
      const list = scenario.id === 'e' ? Array.from({ length: 100000 }, (_, i) => String(i)) : keys[scenario.keys];
      const targets: [string, Service, ((key: string) => LoadRequest) | undefined][] = [
        ['clusterbase', api, scenario.clusterbase],
        ['clusterbase (no cache)', uncached, scenario.id === 'e' ? undefined : scenario.clusterbase],
        ['postgraphile', postgraphile, scenario.postgraphile],
        ['raw', raw, scenario.raw],
        ['meilisearch', meilisearch, scenario.meilisearch],
      ];
      for (const [target, service, build] of targets) {
        if (!build) continue;
        const next = (i: number) => build(list[i % list.length]);
        const base = service.url.replace(/\/graphql$/, '');
        await runLoad(base, next, connections, Math.max(2, Math.round(seconds / 3)));
        const ours = target.startsWith('clusterbase');
        let peakRss = 0;
        const sampler = setInterval(() => {
          if (ours) peakRss = Math.max(peakRss, rssBytes(service.process.pid!));
        }, 250);
        const result = await runLoad(base, next, connections, seconds);
        clearInterval(sampler);
        const row: Row = { scenario: `(${scenario.id}) ${scenario.title}`, target, result };
        if (ours) {
          // Fresh keys, so the cached server's figure is its cost on a miss.
          const before = await sqlStatements(service);
          for (let i = 0; i < 10; i++) {
            const spec = next(list.length - 1 - i);
            await fetch(base + spec.path, { method: spec.method, body: spec.body, headers: { 'content-type': 'application/json', ...spec.headers } });
          }
          row.sqlPerRequest = ((await sqlStatements(service)) - before) / 10;
          row.rssMb = Math.round(peakRss / 1048576);
        }
        rows.push(row);
        console.log(`${row.scenario} ${target}: ${result.requestsPerSecond} req/s, p95 ${result.p95} ms, errors ${result.errors}`);
      }
    }

    let soakRss: number[] | undefined;
    if (soak > 0) {
      soakRss = [];
      const sampler = setInterval(() => soakRss!.push(Math.round(rssBytes(api.process.pid!) / 1048576)), 10_000);
      const list = keys.acronyms;
      await runLoad('http://127.0.0.1:4801', (i) => SCENARIOS[0].clusterbase(list[i % list.length]), connections, soak);
      clearInterval(sampler);
    }

    const meta = {
      date: new Date().toISOString(),
      scale,
      projects: SCALES[scale],
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      connections,
      seconds,
      loadingSeconds: loading,
      soakRssMb: soakRss,
      soakSeconds: soak,
    };
    const table = markdown(rows, meta);
    console.log(`\n${table}\n`);
    const dir = path.join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${meta.date.slice(0, 10)}-${scale}.json`);
    writeFileSync(file, JSON.stringify({ meta, rows, table }, null, 2));
    console.log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    for (const service of services.reverse()) await service.stop();
    for (const stop of stoppers) await stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
