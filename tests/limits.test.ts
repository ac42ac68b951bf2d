import { startHttp, HttpApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { AccountRole } from '../src/modules/auth/auth.entity';
import { createActor } from './helpers/accounts';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  // Small budgets so the limits are reachable; each test file has its own process.env copy.
  Object.assign(process.env, { RATE_LIMIT_ANONYMOUS: '40', RATE_LIMIT_AUTHENTICATED: '60', MAX_ALIASES: '5', MAX_BATCH_SIZE: '3' });
  app = await createTestApp();
});
afterAll(() => app.close());

const codeOf = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, json: (() => { try { return JSON.parse(text); } catch { return undefined; } })(), headers: response.headers };
}

describe('document limits', () => {
  it('refuses more aliases than MAX_ALIASES with QUERY_TOO_COMPLEX', async () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: programmes(first: 1) { totalCount }`).join(' ');
    expect((await app.gql(`{ ${fields(5)} }`)).errors).toBeUndefined();
    const r = await app.gql(`{ ${fields(6)} }`);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].extensions).toMatchObject({ aliases: 6, maxAliases: 5 });
  });

  it('reports the cost of answered operations (depth and cost caps are tested in api.test.ts)', async () => {
    const ok = await app.gql(`{ projects(first: 2) { nodes { acronym } } }`);
    expect(ok.extensions!.cost).toBeGreaterThan(0);
  });

  it('suggests field names outside production', async () => {
    const dev = await app.gql('{ projectz { totalCount } }');
    expect(dev.errors![0].message).toMatch(/Did you mean/);
  });

  it('refuses documents with too many tokens without parsing them all', async () => {
    const r = await app.gql(`{ ${'__typename '.repeat(6000)} }`);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });

  it('answers batches up to MAX_BATCH_SIZE and refuses bigger or empty ones', async () => {
    const one = { query: '{ __typename }' };
    const ok = await post(app.url, JSON.stringify([one, one, one]));
    expect(ok.status).toBe(200);
    expect(ok.json).toHaveLength(3);
    for (const body of [JSON.stringify([one, one, one, one]), '[]']) {
      const r = await post(app.url, body);
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('refuses bodies over MAX_REQUEST_BYTES and malformed JSON with coded JSON errors, no stack trace', async () => {
    const big = await post(app.url, JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(big.status).toBe(413);
    expect(big.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const broken = await post(app.url, '{"query": "{ __typename }"');
    expect(broken.status).toBe(400);
    expect(broken.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(broken.text).not.toMatch(/at .*\.js|node_modules|SyntaxError/);
  });
});

describe('CSRF prevention', () => {
  it('refuses simple cross-site requests (GET and text/plain POST without a preflight header)', async () => {
    const get = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
    const plain = await post(app.url, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(plain.status).toBeGreaterThanOrEqual(400);
    expect(plain.status).toBeLessThan(500);
    const allowed = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits each token separately from anonymous callers, with RATE_LIMITED and a retry hint', async () => {
    const editor = await createActor(app.orm, AccountRole.EDITOR);
    const statuses: number[] = [];
    let limited: any;
    for (let i = 0; i < 65; i++) {
      const r = await app.gql('{ __typename }', {}, editor.headers);
      statuses.push(r.status);
      if (r.status === 429) limited ??= r;
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors[0].extensions.retryAfter).toBeGreaterThan(0);
    // The IP's anonymous budget was not spent by the token's requests.
    const anon = await post(app.url, JSON.stringify({ query: '{ __typename }' }));
    expect(anon.status).toBe(200);
    const other = await createActor(app.orm, AccountRole.EDITOR);
    expect((await app.gql('{ __typename }', {}, other.headers)).status).toBe(200);
  });

  it('limits anonymous callers per IP, and failed sign-ins spend the same budget', async () => {
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 45; i++) {
      last = await post(app.url, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', authorization: i % 2 ? 'Bearer cb_wrong0000000000000' : '' });
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(last!.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

describe('production', () => {
  it('refuses to start without a strong MEILI_MASTER_KEY', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MEILI_MASTER_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', MEILI_MASTER_KEY: 'masterKey' })).toThrow(/MEILI_MASTER_KEY/);
    expect(loadConfig({ NODE_ENV: 'production', MEILI_MASTER_KEY: 'a-long-random-secret-1234' }).NODE_ENV).toBe('production');
  });

  it('turns introspection and field suggestions off', async () => {
    const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), NODE_ENV: 'production' as const, HOST: '127.0.0.1' };
    const prod: HttpApp = await startHttp(app.orm, config, createLogger('silent'), 0);
    try {
      const introspection = await post(prod.url, JSON.stringify({ query: '{ __schema { types { name } } }' }));
      expect(introspection.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const typo = await post(prod.url, JSON.stringify({ query: '{ projectz { totalCount } }' }));
      expect(typo.json.errors[0].message).not.toMatch(/Did you mean/);
    } finally {
      await prod.close();
    }
  });
});
