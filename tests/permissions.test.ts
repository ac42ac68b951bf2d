import { AccountRole } from '../src/modules/auth/auth.entity';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Actor, createActor, partnerFixture } from './helpers/accounts';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * The permission matrix: every mutation and every protected field, for anonymous, own-partner,
 * other-partner, editor and admin. OK = applied; a code = refused with that GraphQL error code;
 * INVALID_STATE = a userError.
 */
let app: TestApp;
let fx: Awaited<ReturnType<typeof partnerFixture>>;
const actors: Record<string, Actor> = {};
const ACTORS = ['anonymous', 'ownPartner', 'otherPartner', 'editor', 'admin'] as const;
type ActorName = (typeof ACTORS)[number];

beforeAll(async () => {
  app = await createTestApp();
  fx = await partnerFixture(app.orm);
  actors.anonymous = { name: 'anonymous', headers: {}, accountId: 0 };
  actors.ownPartner = await createActor(app.orm, AccountRole.PARTNER, fx.ownOrgId);
  actors.otherPartner = await createActor(app.orm, AccountRole.PARTNER, fx.otherOrgId);
  actors.editor = await createActor(app.orm, AccountRole.EDITOR);
  actors.admin = await createActor(app.orm, AccountRole.ADMIN);
});
afterAll(() => app.close());

type Kind = 'Output' | 'BestPractice';
const TABLE: Record<Kind, string> = { Output: 'output', BestPractice: 'best_practice' };

/** A contribution of the own partner's organisation, put straight into `status`. */
async function item(kind: Kind, status: string): Promise<string> {
  const mutation =
    kind === 'Output'
      ? `mutation ($p: ID!) { r: registerOutput(input: { projectId: $p, type: TOOL, titles: [{ language: "eng", text: "Tool" }] }) { x: output { id } } }`
      : `mutation ($p: ID!) { r: registerBestPractice(input: { projectId: $p, titles: [{ language: "eng", text: "Practice" }] }) { x: bestPractice { id } } }`;
  const r = await app.gql(mutation, { p: fx.projectGid }, actors.ownPartner.headers);
  const id = r.data!.r.x.id as string;
  const local = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
  await app.orm.em.fork().getConnection().execute(`update ${TABLE[kind]} set status = ? where id = ?`, [status, local]);
  return id;
}

interface Case {
  mutation: string;
  input: () => Promise<Record<string, unknown>>;
  expected: Record<ActorName, string>;
}

const everyoneButAnonymous = (ok: string, own: string, other: string) => ({ anonymous: 'UNAUTHENTICATED', ownPartner: own, otherPartner: other, editor: ok, admin: ok });

function contributionCases(kind: Kind): Case[] {
  const register = kind === 'Output' ? { type: 'TOOL', titles: [{ language: 'eng', text: 'New' }] } : { titles: [{ language: 'eng', text: 'New' }] };
  const name = (verb: string) => `${verb}${kind}`;
  return [
    { mutation: name('register'), input: async () => ({ projectId: fx.projectGid, ...register }), expected: everyoneButAnonymous('OK', 'OK', 'FORBIDDEN') },
    { mutation: name('register'), input: async () => ({ projectId: fx.otherProjectGid, ...register }), expected: everyoneButAnonymous('OK', 'FORBIDDEN', 'OK') },
    { mutation: name('update'), input: async () => ({ id: await item(kind, 'DRAFT'), version: 1, titles: [{ language: 'eng', text: 'Edited' }] }), expected: everyoneButAnonymous('OK', 'OK', 'NOT_FOUND') },
    { mutation: name('update'), input: async () => ({ id: await item(kind, 'PUBLISHED'), version: 1, titles: [{ language: 'eng', text: 'Edited' }] }), expected: everyoneButAnonymous('OK', 'INVALID_STATE', 'FORBIDDEN') },
    { mutation: name('submit'), input: async () => ({ id: await item(kind, 'DRAFT'), version: 1 }), expected: everyoneButAnonymous('OK', 'OK', 'NOT_FOUND') },
    { mutation: name('submit'), input: async () => ({ id: await item(kind, 'REJECTED'), version: 1 }), expected: everyoneButAnonymous('OK', 'OK', 'NOT_FOUND') },
    { mutation: name('publish'), input: async () => ({ id: await item(kind, 'SUBMITTED'), version: 1 }), expected: everyoneButAnonymous('OK', 'FORBIDDEN', 'NOT_FOUND') },
    { mutation: name('publish'), input: async () => ({ id: await item(kind, 'DRAFT'), version: 1 }), expected: everyoneButAnonymous('INVALID_STATE', 'FORBIDDEN', 'NOT_FOUND') },
    { mutation: name('reject'), input: async () => ({ id: await item(kind, 'SUBMITTED'), version: 1, reason: 'Incomplete' }), expected: everyoneButAnonymous('OK', 'FORBIDDEN', 'NOT_FOUND') },
    { mutation: name('withdraw'), input: async () => ({ id: await item(kind, 'PUBLISHED'), version: 1 }), expected: everyoneButAnonymous('OK', 'OK', 'FORBIDDEN') },
    { mutation: name('withdraw'), input: async () => ({ id: await item(kind, 'SUBMITTED'), version: 1 }), expected: everyoneButAnonymous('OK', 'OK', 'NOT_FOUND') },
  ];
}

const adminOnly = { anonymous: 'UNAUTHENTICATED', ownPartner: 'FORBIDDEN', otherPartner: 'FORBIDDEN', editor: 'FORBIDDEN', admin: 'OK' };

const CASES: Case[] = [
  ...contributionCases('Output'),
  ...contributionCases('BestPractice'),
  {
    mutation: 'attachDocument',
    input: async () => ({ projectId: fx.projectGid, title: 'Minutes', text: `Minutes of the steering group meeting ${Math.random()}` }),
    expected: everyoneButAnonymous('OK', 'OK', 'FORBIDDEN'),
  },
  { mutation: 'createAccount', input: async () => ({ name: 'New editor', role: 'EDITOR' }), expected: adminOnly },
  { mutation: 'createApiToken', input: async () => ({ accountId: encodeGlobalId('Account', actors.editor.accountId), label: 'x' }), expected: adminOnly },
  {
    mutation: 'revokeApiToken',
    input: async () => {
      const spare = await createActor(app.orm, AccountRole.EDITOR);
      return { tokenId: encodeGlobalId('ApiToken', spare.tokenId!) };
    },
    expected: adminOnly,
  },
  { mutation: 'setAccountDisabled', input: async () => ({ accountId: encodeGlobalId('Account', (await createActor(app.orm, AccountRole.EDITOR)).accountId), disabled: true }), expected: adminOnly },
];

const INPUT_TYPES: Record<string, string> = { createApiToken: 'CreateApiTokenInput', revokeApiToken: 'RevokeApiTokenInput', setAccountDisabled: 'SetAccountDisabledInput', createAccount: 'CreateAccountInput' };
const inputType = (mutation: string) => INPUT_TYPES[mutation] ?? `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;

describe('mutation permission matrix', () => {
  const rows = CASES.flatMap((c, i) => ACTORS.map((actor) => [`${c.mutation} #${i}`, actor, c] as const));
  it.each(rows)('%s as %s', async (_label, actor, c) => {
    const r = await app.gql(
      `mutation ($input: ${inputType(c.mutation)}!) { m: ${c.mutation}(input: $input) { userErrors { code field message } } }`,
      { input: await c.input() },
      actors[actor].headers,
    );
    const expected = c.expected[actor];
    if (expected === 'OK') {
      expect(r.errors).toBeUndefined();
      expect(r.data!.m.userErrors).toEqual([]);
    } else if (expected === 'INVALID_STATE') {
      expect(r.errors).toBeUndefined();
      expect(r.data!.m.userErrors[0].code).toBe('INVALID_STATE');
    } else {
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
      expect(r.data?.m ?? null).toBeNull();
    }
  });
});

describe('protected fields and visibility', () => {
  const see = async (query: string, variables: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const actor of ACTORS) {
      const r = await app.gql(query, variables, actors[actor].headers);
      out[actor] = r.errors ? r.errors[0].extensions!.code : r.data;
    }
    return out;
  };

  it.each(['DRAFT', 'SUBMITTED', 'REJECTED'])('a %s output is seen by its organisation and editors only (node, output, lists, counts)', async (status) => {
    const id = await item('Output', status);
    const node = await see(`query ($id: ID!) { node(id: $id) { id } }`, { id });
    const visible = (v: any) => v.node !== null;
    expect(Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visible(v)]))).toEqual({
      anonymous: false,
      ownPartner: true,
      otherPartner: false,
      editor: true,
      admin: true,
    });
    const listed = await see(`query ($p: [ID!]) { outputs(first: 100, filter: { projects: $p }) { totalCount nodes { id } } }`, { p: [fx.projectGid] });
    for (const actor of ACTORS) {
      const ids = (listed[actor] as any).outputs.nodes.map((n: { id: string }) => n.id);
      expect([actor, ids.includes(id)]).toEqual([actor, ['ownPartner', 'editor', 'admin'].includes(actor)]);
    }
    const counted = await see(`query ($id: ID!) { node(id: $id) { ... on Project { outputs(first: 100) { totalCount nodes { id } } } } }`, { id: fx.projectGid });
    expect((counted.anonymous as any).node.outputs.totalCount).toBeLessThan((counted.ownPartner as any).node.outputs.totalCount);
    expect((counted.otherPartner as any).node.outputs.totalCount).toBe((counted.anonymous as any).node.outputs.totalCount);
  });

  it('shows a published output to everyone', async () => {
    const id = await item('Output', 'PUBLISHED');
    const node = await see(`query ($id: ID!) { output(id: $id) { id } }`, { id });
    for (const actor of ACTORS) expect((node[actor] as any).output.id).toBe(id);
  });

  it('shows history to editors and the registering organisation only', async () => {
    const id = await item('Output', 'PUBLISHED');
    const r = await see(`query ($id: ID!) { output(id: $id) { history { action } } }`, { id });
    expect(r.anonymous).toBe('UNAUTHENTICATED');
    expect(r.otherPartner).toBe('FORBIDDEN');
    for (const actor of ['ownPartner', 'editor', 'admin']) expect((r[actor] as any).output.history[0].action).toBe('registerOutput');
  });

  it('shows auditEntries to editors and admins only', async () => {
    const r = await see(`{ auditEntries(first: 1) { totalCount } }`, {});
    expect(r).toMatchObject({ anonymous: 'UNAUTHENTICATED', ownPartner: 'FORBIDDEN', otherPartner: 'FORBIDDEN' });
    expect((r.editor as any).auditEntries.totalCount).toBeGreaterThan(0);
    expect((r.admin as any).auditEntries.totalCount).toBeGreaterThan(0);
  });

  it('shows accounts to admins only, and each account to itself through viewer', async () => {
    const r = await see(`{ accounts { id role } }`, {});
    expect(r).toMatchObject({ anonymous: 'UNAUTHENTICATED', ownPartner: 'FORBIDDEN', otherPartner: 'FORBIDDEN', editor: 'FORBIDDEN' });
    expect((r.admin as any).accounts.length).toBeGreaterThanOrEqual(4);
    const v = await see(`{ viewer { role organisation { id } tokens { prefix } } }`, {});
    expect(v.anonymous).toEqual({ viewer: null });
    expect((v.ownPartner as any).viewer).toMatchObject({ role: 'PARTNER', organisation: { id: fx.ownOrgGid } });
    expect((v.editor as any).viewer.role).toBe('EDITOR');
  });

  it("shows contacts' email and phone to signed-in accounts only", async () => {
    const r = await see(`{ contacts(first: 100) { nodes { email phone } } }`, {});
    const emails = (v: any) => v.contacts.nodes.map((n: { email: string | null }) => n.email).filter(Boolean);
    expect(emails(r.anonymous)).toEqual([]);
    expect((r.anonymous as any).contacts.nodes.every((n: { phone: string | null }) => n.phone === null)).toBe(true);
    for (const actor of ['ownPartner', 'otherPartner', 'editor', 'admin']) expect(emails(r[actor])).toContain('krejsova@rra.cz');
  });
});
