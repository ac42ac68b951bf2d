import { AccountRole } from '../src/modules/auth/auth.entity';
import { buildDocuments } from '../src/search/documents';
import { createActor, partnerFixture } from './helpers/accounts';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
let fx: Awaited<ReturnType<typeof partnerFixture>>;
let partner: Awaited<ReturnType<typeof createActor>>;
let editor: Awaited<ReturnType<typeof createActor>>;
beforeAll(async () => {
  app = await createTestApp();
  fx = await partnerFixture(app.orm);
  partner = await createActor(app.orm, AccountRole.PARTNER, fx.ownOrgId);
  editor = await createActor(app.orm, AccountRole.EDITOR);
});
afterAll(() => app.close());

const codeOf = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

const OUTPUT_FIELDS = 'id version status title titles { language text } url date licence rejectionReason producers { name }';
const REGISTER = `mutation ($input: RegisterOutputInput!) { registerOutput(input: $input) { clientMutationId userErrors { field message code } output { ${OUTPUT_FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateOutputInput!) { updateOutput(input: $input) { userErrors { field message code } output { ${OUTPUT_FIELDS} } } }`;
const step = (name: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { userErrors { field message code } output { id version status rejectionReason } } }`;
const SUBMIT = step('submitOutput', 'SubmitOutputInput');
const PUBLISH = step('publishOutput', 'PublishOutputInput');
const REJECT = step('rejectOutput', 'RejectOutputInput');
const WITHDRAW = step('withdrawOutput', 'WithdrawOutputInput');

function outputInput(extra: Record<string, unknown> = {}) {
  return {
    projectId: fx.projectGid,
    type: 'STUDY',
    titles: [{ language: 'eng', text: 'Cluster policy study' }],
    descriptions: [{ language: 'eng', text: 'What clusters need from regional policy.' }],
    languages: ['eng'],
    url: 'https://example.org/study',
    date: '2013-05-01',
    licence: 'CC-BY-4.0',
    producerIds: [fx.ownOrgGid],
    ...extra,
  };
}

async function register(extra: Record<string, unknown> = {}) {
  const r = await app.gql(REGISTER, { input: outputInput(extra) }, partner.headers);
  expect(r.errors).toBeUndefined();
  return r.data!.registerOutput.output as { id: string; version: number; status: string };
}

describe('the partner → editor flow', () => {
  it('registers, submits and publishes an output, which becomes public and searchable', async () => {
    const created = await app.gql(REGISTER, { input: { ...outputInput(), clientMutationId: 'c1' } }, partner.headers);
    expect(created.errors).toBeUndefined();
    const payload = created.data!.registerOutput;
    expect(payload.clientMutationId).toBe('c1');
    expect(payload.userErrors).toEqual([]);
    expect(payload.output).toMatchObject({ status: 'DRAFT', version: 1, title: 'Cluster policy study', licence: 'CC-BY-4.0', date: '2013-05-01' });
    expect(payload.output.producers).toHaveLength(1);
    const id = payload.output.id;

    // A draft is the organisation's and the editors' only.
    const q = `query ($id: ID!) { node(id: $id) { ... on Output { status } } }`;
    expect((await app.gql(q, { id })).data!.node).toBeNull();
    expect((await app.gql(q, { id }, partner.headers)).data!.node).toEqual({ status: 'DRAFT' });
    expect((await app.gql(q, { id }, editor.headers)).data!.node).toEqual({ status: 'DRAFT' });

    const submitted = await app.gql(SUBMIT, { input: { id, version: 1 } }, partner.headers);
    expect(submitted.data!.submitOutput.output).toMatchObject({ status: 'SUBMITTED', version: 2 });

    const published = await app.gql(PUBLISH, { input: { id, version: 2 } }, editor.headers);
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishOutput.output).toMatchObject({ status: 'PUBLISHED', version: 3 });
    expect((await app.gql(q, { id })).data!.node).toEqual({ status: 'PUBLISHED' });

    // Every write queued a search update in its transaction; the published output builds a search document.
    const localId = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
    const em = app.orm.em.fork();
    const queued = await em.getConnection().execute(`select operation from search_outbox where entity_type = 'Output' and entity_id = ?`, [localId]);
    expect(queued.length).toBeGreaterThanOrEqual(3);
    const [doc] = await buildDocuments(em, 'Output', [localId]);
    expect(doc).toMatchObject({ type: 'Output', entityId: localId });
    expect(JSON.stringify(doc)).toContain('Cluster policy study');
  });

  it('refuses publishing a draft that was not submitted with a userError, changing nothing', async () => {
    const output = await register();
    const r = await app.gql(PUBLISH, { input: { id: output.id, version: 1 } }, editor.headers);
    expect(r.errors).toBeUndefined();
    expect(r.data!.publishOutput).toEqual({ userErrors: [expect.objectContaining({ code: 'INVALID_STATE', field: 'status' })], output: null });
  });

  it('rejects with a reason, lets the partner fix and resubmit, and withdraws a published output', async () => {
    const output = await register();
    await app.gql(SUBMIT, { input: { id: output.id, version: 1 } }, partner.headers);
    const noReason = await app.gql(REJECT, { input: { id: output.id, version: 2, reason: '  ' } }, editor.headers);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    const rejected = await app.gql(REJECT, { input: { id: output.id, version: 2, reason: 'Add the English summary.' } }, editor.headers);
    expect(rejected.data!.rejectOutput.output).toMatchObject({ status: 'REJECTED', rejectionReason: 'Add the English summary.', version: 3 });
    const fixed = await app.gql(UPDATE, { input: { id: output.id, version: 3, titles: [{ language: 'eng', text: 'Fixed title' }] } }, partner.headers);
    expect(fixed.data!.updateOutput.output).toMatchObject({ title: 'Fixed title', version: 4 });
    await app.gql(SUBMIT, { input: { id: output.id, version: 4 } }, partner.headers);
    await app.gql(PUBLISH, { input: { id: output.id, version: 5 } }, editor.headers);
    const editPublished = await app.gql(UPDATE, { input: { id: output.id, version: 6, url: null } }, partner.headers);
    expect(editPublished.data!.updateOutput.userErrors[0].code).toBe('INVALID_STATE');
    const withdrawn = await app.gql(WITHDRAW, { input: { id: output.id, version: 6 } }, partner.headers);
    expect(withdrawn.data!.withdrawOutput.output).toMatchObject({ status: 'DRAFT', rejectionReason: null, version: 7 });
  });
});

describe('validation', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['script in a title', { titles: [{ language: 'eng', text: 'Hi <script>alert(1)</script>' }] }, 'input.titles[0].text'],
    ['an HTML tag in a description', { descriptions: [{ language: 'eng', text: 'a <b>bold</b> claim' }] }, 'input.descriptions[0].text'],
    ['an empty title list', { titles: [] }, 'input.titles'],
    ['an overlong title', { titles: [{ language: 'eng', text: 'x'.repeat(301) }] }, 'input.titles[0].text'],
    ['an unknown language', { titles: [{ language: 'xx1', text: 'T' }] }, 'input.titles[0].language'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'input.url'],
    ['an ftp URL', { url: 'ftp://example.org/x' }, 'input.url'],
    ['a date before 1950', { date: '1949-12-31' }, 'input.date'],
    ['an impossible date', { date: '2013-02-30' }, 'input.date'],
    ['a malformed producer id', { producerIds: ['nope'] }, 'input.producerIds[0]'],
  ];
  it.each(cases)('refuses %s with BAD_USER_INPUT naming the field', async (_name, extra, field) => {
    const r = await app.gql(REGISTER, { input: outputInput(extra) }, partner.headers);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
    expect(r.data?.registerOutput ?? null).toBeNull();
  });

  it('keeps plain text with a lone "<" as it was sent', async () => {
    const output = await register({ titles: [{ language: 'eng', text: 'SMEs < 50 staff & "R&D"' }] });
    const r = await app.gql(`query ($id: ID!) { output(id: $id) { title } }`, { id: output.id }, partner.headers);
    expect(r.data!.output.title).toBe('SMEs < 50 staff & "R&D"');
  });
});

describe('conflicts and idempotency', () => {
  it('fails a stale version with CONFLICT and changes nothing', async () => {
    const output = await register();
    const first = await app.gql(UPDATE, { input: { id: output.id, version: 1, licence: 'CC0-1.0' } }, partner.headers);
    expect(first.data!.updateOutput.output.version).toBe(2);
    const stale = await app.gql(UPDATE, { input: { id: output.id, version: 1, licence: 'MIT' } }, partner.headers);
    expect(codeOf(stale)).toBe('CONFLICT');
    const now = await app.gql(`query ($id: ID!) { output(id: $id) { version licence } }`, { id: output.id }, partner.headers);
    expect(now.data!.output).toEqual({ version: 2, licence: 'CC0-1.0' });
  });

  it('lets exactly one of two concurrent updates at the same version win', async () => {
    const output = await register();
    const results = await Promise.all(
      ['A', 'B', 'C'].map((l) => app.gql(UPDATE, { input: { id: output.id, version: 1, licence: `L-${l}` } }, partner.headers)),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT').length).toBe(2);
  });

  it('returns the first result for a retried key and creates nothing new', async () => {
    const count = async () => Number((await app.orm.em.fork().getConnection().execute(`select count(*) as n from output`))[0].n);
    const before = await count();
    const input = { ...outputInput(), idempotencyKey: 'retry-1' };
    const first = await app.gql(REGISTER, { input }, partner.headers);
    const again = await app.gql(REGISTER, { input: { ...input, clientMutationId: 'second' } }, partner.headers);
    expect(again.data!.registerOutput.output.id).toBe(first.data!.registerOutput.output.id);
    expect(again.data!.registerOutput.clientMutationId).toBe('second');
    const concurrent = await Promise.all([1, 2, 3].map(() => app.gql(REGISTER, { input: { ...input, idempotencyKey: 'retry-2' } }, partner.headers)));
    expect(new Set(concurrent.map((r) => r.data!.registerOutput.output.id)).size).toBe(1);
    expect(await count()).toBe(before + 2);
    const viaHeader = [1, 2].map(() => app.gql(REGISTER, { input: outputInput() }, { ...partner.headers, 'idempotency-key': 'hdr-1' }));
    const [h1, h2] = await Promise.all(viaHeader);
    expect(h1.data!.registerOutput.output.id).toBe(h2.data!.registerOutput.output.id);
    expect(await count()).toBe(before + 3);
  });

  it('refuses the same key with a different input', async () => {
    await app.gql(REGISTER, { input: { ...outputInput(), idempotencyKey: 'k-diff' } }, partner.headers);
    const r = await app.gql(REGISTER, { input: { ...outputInput({ licence: 'MIT' }), idempotencyKey: 'k-diff' } }, partner.headers);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('input.idempotencyKey');
  });
});

describe('audit', () => {
  it('records who changed which fields, before and after, on the history and for editors', async () => {
    const output = await register();
    await app.gql(UPDATE, { input: { id: output.id, version: 1, url: 'https://example.org/v2', date: null } }, partner.headers);
    await app.gql(SUBMIT, { input: { id: output.id, version: 2 } }, partner.headers);
    const historyQuery = `query ($id: ID!) { output(id: $id) { history { action account { id role } requestId createdAt changes { field before after } } } }`;
    const r = await app.gql(historyQuery, { id: output.id }, { ...partner.headers, 'x-request-id': 'req-audit-1' });
    expect(r.errors).toBeUndefined();
    const history = r.data!.output.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['registerOutput', 'updateOutput', 'submitOutput']);
    expect(history[0].changes).toEqual(expect.arrayContaining([{ field: 'url', before: null, after: 'https://example.org/study' }]));
    expect(history[1].changes).toEqual([
      { field: 'url', before: 'https://example.org/study', after: 'https://example.org/v2' },
      { field: 'date', before: '2013-05-01', after: null },
    ]);
    expect(history[2].changes).toEqual([{ field: 'status', before: 'DRAFT', after: 'SUBMITTED' }]);
    expect(history[1].account.role).toBe('PARTNER');

    const all = await app.gql(
      `query ($f: AuditEntryFilter) { auditEntries(first: 10, filter: $f) { totalCount nodes { action entityType entityId } } }`,
      { f: { entityId: output.id } },
      editor.headers,
    );
    expect(all.data!.auditEntries.totalCount).toBe(3);
    expect(all.data!.auditEntries.nodes[0]).toEqual({ action: 'submitOutput', entityType: 'Output', entityId: output.id });
  });

  it('writes no audit entry when a write is refused', async () => {
    const n = async () => Number((await app.orm.em.fork().getConnection().execute(`select count(*) as n from audit_entry`))[0].n);
    const before = await n();
    const output = await register();
    await app.gql(UPDATE, { input: { id: output.id, version: 9, licence: 'X' } }, partner.headers);
    await app.gql(PUBLISH, { input: { id: output.id, version: 1 } }, partner.headers);
    expect(await n()).toBe(before + 1);
  });
});

describe('best practices and documents', () => {
  it('runs the same flow for best practices', async () => {
    const reg = await app.gql(
      `mutation ($input: RegisterBestPracticeInput!) { registerBestPractice(input: $input) { userErrors { code } bestPractice { id status title country { code } themes { code } } } }`,
      { input: { projectId: fx.projectGid, titles: [{ language: 'eng', text: 'Cluster twinning' }], country: 'IT', themes: [] } },
      partner.headers,
    );
    expect(reg.errors).toBeUndefined();
    const id = reg.data!.registerBestPractice.bestPractice.id;
    expect(reg.data!.registerBestPractice.bestPractice).toMatchObject({ status: 'DRAFT', country: { code: 'IT' } });
    const s = await app.gql(`mutation ($i: SubmitBestPracticeInput!) { submitBestPractice(input: $i) { bestPractice { status version } } }`, { i: { id, version: 1 } }, partner.headers);
    expect(s.data!.submitBestPractice.bestPractice).toEqual({ status: 'SUBMITTED', version: 2 });
    const p = await app.gql(`mutation ($i: PublishBestPracticeInput!) { publishBestPractice(input: $i) { bestPractice { status } } }`, { i: { id, version: 2 } }, editor.headers);
    expect(p.data!.publishBestPractice.bestPractice.status).toBe('PUBLISHED');
  });

  it('attaches a document, detecting its language, and stores the same text once', async () => {
    const attach = `mutation ($input: AttachDocumentInput!) { attachDocument(input: $input) { userErrors { code } document { id language languageDetected title projects { acronym } } } }`;
    const text = 'Die Clusterpolitik der Regionen stärkt die Zusammenarbeit kleiner und mittlerer Unternehmen in ganz Europa.';
    const a = await app.gql(attach, { input: { projectId: fx.projectGid, title: 'Bericht', text } }, partner.headers);
    expect(a.errors).toBeUndefined();
    expect(a.data!.attachDocument.document).toMatchObject({ language: 'deu', languageDetected: true });
    const b = await app.gql(attach, { input: { projectId: fx.projectGid, title: 'Again', text } }, editor.headers);
    expect(b.data!.attachDocument.document.id).toBe(a.data!.attachDocument.document.id);
    const url = await app.gql(attach, { input: { projectId: fx.projectGid, title: 'Web page', url: 'https://example.org/page', language: 'eng' } }, partner.headers);
    expect(url.data!.attachDocument.document).toMatchObject({ language: 'eng', languageDetected: false });
    const neither = await app.gql(attach, { input: { projectId: fx.projectGid, title: 'Nothing' } }, partner.headers);
    expect(codeOf(neither)).toBe('BAD_USER_INPUT');
  });
});
