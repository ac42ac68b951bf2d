import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { encodeGlobalId } from '../src/graphql/global-id';
import { AccountRole } from '../src/modules/auth/auth.entity';
import { hashToken } from '../src/modules/auth/auth.service';
import { createActor, partnerFixture } from './helpers/accounts';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const codeOf = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const VIEWER = '{ viewer { role } }';
const sql = async (q: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(q, params);

describe('Bearer tokens', () => {
  it('answers anonymous requests with published data and a null viewer', async () => {
    const r = await app.gql(VIEWER);
    expect(r.errors).toBeUndefined();
    expect(r.data!.viewer).toBeNull();
  });

  it.each([
    ['a malformed header', 'Token abc'],
    ['an empty bearer', 'Bearer '],
    ['an unknown token', 'Bearer cb_thisTokenDoesNotExistAnywhere000000000000'],
  ])('refuses %s with 401 UNAUTHENTICATED instead of reading as anonymous', async (_name, authorization) => {
    const r = await app.gql(VIEWER, {}, { authorization });
    expect(r.status).toBe(401);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.data).toBeUndefined();
  });

  it('refuses expired and revoked tokens and disabled accounts', async () => {
    const expired = await createActor(app.orm, AccountRole.EDITOR, undefined, { expiresAt: new Date(Date.now() - 1000) });
    expect(codeOf(await app.gql(VIEWER, {}, expired.headers))).toBe('UNAUTHENTICATED');
    const revoked = await createActor(app.orm, AccountRole.EDITOR);
    expect((await app.gql(VIEWER, {}, revoked.headers)).data!.viewer.role).toBe('EDITOR');
    await sql('update api_token set revoked_at = now() where id = ?', [revoked.tokenId]);
    expect(codeOf(await app.gql(VIEWER, {}, revoked.headers))).toBe('UNAUTHENTICATED');
    const disabled = await createActor(app.orm, AccountRole.EDITOR);
    await sql('update account set disabled = true where id = ?', [disabled.accountId]);
    expect(codeOf(await app.gql(VIEWER, {}, disabled.headers))).toBe('UNAUTHENTICATED');
  });

  it('stores only the hash and records the last use at most once a minute', async () => {
    const editor = await createActor(app.orm, AccountRole.EDITOR);
    const [row] = await sql('select token_hash, prefix, last_used_at from api_token where id = ?', [editor.tokenId]);
    expect(row.token_hash).toBe(hashToken(editor.token));
    expect(row.token_hash).not.toContain(editor.token);
    expect(editor.token.startsWith(row.prefix)).toBe(true);
    expect(row.last_used_at).toBeNull();
    await app.gql(VIEWER, {}, editor.headers);
    const [first] = await sql('select last_used_at from api_token where id = ?', [editor.tokenId]);
    expect(first.last_used_at).not.toBeNull();
    await app.gql(VIEWER, {}, editor.headers);
    const [second] = await sql('select last_used_at from api_token where id = ?', [editor.tokenId]);
    expect(new Date(second.last_used_at).getTime()).toBe(new Date(first.last_used_at).getTime());
  });
});

describe('admin mutations', () => {
  it('creates a partner account and a token shown once, which then works until revoked', async () => {
    const admin = await createActor(app.orm, AccountRole.ADMIN);
    const fx = await partnerFixture(app.orm);
    const created = await app.gql(
      `mutation ($o: ID!) { createAccount(input: { name: "Agency", role: PARTNER, organisationId: $o }) { account { id role organisation { id } } } }`,
      { o: fx.ownOrgGid },
      admin.headers,
    );
    expect(created.errors).toBeUndefined();
    const accountId = created.data!.createAccount.account.id;
    const noOrg = await app.gql(`mutation { createAccount(input: { name: "X", role: PARTNER }) { account { id } } }`, {}, admin.headers);
    expect(codeOf(noOrg)).toBe('BAD_USER_INPUT');

    const issued = await app.gql(
      `mutation ($a: ID!) { createApiToken(input: { accountId: $a, label: "ci", expiresInDays: 90 }) { token apiToken { id prefix label expiresAt account { name } } } }`,
      { a: accountId },
      admin.headers,
    );
    const { token, apiToken } = issued.data!.createApiToken;
    expect(token).toMatch(/^cb_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ label: 'ci', account: { name: 'Agency' } });
    const viewer = await app.gql(`{ viewer { role organisation { id } } }`, {}, { authorization: `Bearer ${token}` });
    expect(viewer.data!.viewer).toEqual({ role: 'PARTNER', organisation: { id: fx.ownOrgGid } });

    const listed = await app.gql(`{ accounts { id tokens { prefix label } } }`, {}, admin.headers);
    expect(JSON.stringify(listed.data)).not.toContain(token);

    const revoked = await app.gql(`mutation ($t: ID!) { revokeApiToken(input: { tokenId: $t }) { apiToken { revokedAt } userErrors { code } } }`, { t: apiToken.id }, admin.headers);
    expect(revoked.data!.revokeApiToken.apiToken.revokedAt).not.toBeNull();
    expect(codeOf(await app.gql(VIEWER, {}, { authorization: `Bearer ${token}` }))).toBe('UNAUTHENTICATED');
    const audit = await sql(`select action from audit_entry where entity_type in ('Account', 'ApiToken') order by id`);
    expect(audit.map((a: any) => a.action)).toEqual(['createAccount', 'createApiToken', 'revokeApiToken']);
  });
});

describe('npm run token', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', 'src', 'cli', 'token.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
    });

  it('creates, lists and revokes tokens', async () => {
    const fx = await partnerFixture(app.orm);
    const created = await run(['create', '--role', 'partner', '--org', encodeGlobalId('Organisation', fx.ownOrgId), '--name', 'CLI partner', '--expires', '30d']);
    const token = created.stdout.trim().split('\n').pop()!;
    expect(token).toMatch(/^cb_/);
    const r = await app.gql(`{ viewer { role name } }`, {}, { authorization: `Bearer ${token}` });
    expect(r.data!.viewer).toEqual({ role: 'PARTNER', name: 'CLI partner' });
    const listed = await run(['list']);
    expect(listed.stdout).toContain(token.slice(0, 12));
    expect(listed.stdout).not.toContain(token);
    await run(['revoke', token.slice(0, 12)]);
    expect(codeOf(await app.gql(VIEWER, {}, { authorization: `Bearer ${token}` }))).toBe('UNAUTHENTICATED');
    await expect(run(['create', '--role', 'partner', '--name', 'No org'])).rejects.toMatchObject({ stderr: expect.stringContaining('--org') });
  }, 60_000);
});
