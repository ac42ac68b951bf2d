import fc from 'fast-check';
import { encodeGlobalId } from '../src/graphql/global-id';
import { AccountRole } from '../src/modules/auth/auth.entity';
import { createActor, partnerFixture } from './helpers/accounts';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * Thousands of generated malformed documents, variables and bodies (seeded, so failures replay):
 * the server never answers 5xx, never crashes, never shows a stack trace, and every error carries
 * a code. Operations go in batches to keep the run short.
 */
let app: TestApp;
let headers: Record<string, string>;
beforeAll(async () => {
  Object.assign(process.env, { RATE_LIMIT_ANONYMOUS: '100000', RATE_LIMIT_AUTHENTICATED: '100000', MAX_BATCH_SIZE: '50' });
  app = await createTestApp();
  const fx = await partnerFixture(app.orm);
  headers = (await createActor(app.orm, AccountRole.PARTNER, fx.ownOrgId)).headers;
});
afterAll(() => app.close());

const SEED = 20261122;
const CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']);
const STACK = /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+|Error: .*\n\s+at /;

const VALID = [
  `{ projects(first: 3) { nodes { acronym title partners { role organisation { name } } } } }`,
  `query ($id: ID!) { node(id: $id) { id ... on Output { title status } } }`,
  `mutation ($input: RegisterOutputInput!) { registerOutput(input: $input) { userErrors { code } output { id } } }`,
  `mutation ($input: UpdateOutputInput!) { updateOutput(input: $input) { userErrors { code } output { id } } }`,
  `mutation ($input: AttachDocumentInput!) { attachDocument(input: $input) { document { id } } }`,
  `mutation ($input: RejectBestPracticeInput!) { rejectBestPractice(input: $input) { bestPractice { id } } }`,
  `query ($f: ProjectFilter, $first: Int, $after: String) { projects(first: $first, after: $after, filter: $f) { totalCount } }`,
  `query ($q: String!) { search(query: $q) { totalCount } }`,
];

/** A valid document with random damage: cut, duplicated, or with junk spliced in. */
const document = fc.oneof(
  fc.tuple(fc.constantFrom(...VALID), fc.nat(), fc.nat(), fc.string({ maxLength: 12 })).map(([q, a, b, junk]) => {
    const i = a % (q.length + 1);
    const j = b % (q.length + 1);
    return q.slice(0, Math.min(i, j)) + junk + q.slice(Math.max(i, j));
  }),
  fc.constantFrom(...VALID),
  fc.string({ maxLength: 200 }),
  fc.stringMatching(/^[{}()[\]:!$@.,a-z "#\n]{0,120}$/),
);

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('<script>alert(1)</script>', 'javascript:alert(1)', '9999-99-99', 'eng', 'STUDY', '', 'Ü'.repeat(400), encodeGlobalId('Project', 1), encodeGlobalId('Output', 1), '__proto__'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 10 }), tie('value'), { maxKeys: 5 })),
})).value;

const variables = fc.oneof(
  fc.record({ input: json }),
  fc.record(
    {
      input: fc.record(
        {
          projectId: fc.oneof(scalar, fc.constant(encodeGlobalId('Project', 2))),
          type: scalar,
          titles: fc.oneof(json, fc.array(fc.record({ language: scalar, text: scalar }), { maxLength: 3 })),
          url: scalar,
          date: scalar,
          id: scalar,
          version: scalar,
          title: scalar,
          text: scalar,
          reason: scalar,
          idempotencyKey: scalar,
        },
        { requiredKeys: [] },
      ),
      id: scalar,
      f: json,
      first: scalar,
      after: scalar,
      q: scalar,
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string({ maxLength: 10 }), json, { maxKeys: 4 }),
);

const operation = fc.record({ query: document, variables, operationName: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }, { requiredKeys: ['query'] });

function assertWellFormed(result: any, context: string) {
  expect([context, typeof result]).toEqual([context, 'object']);
  if (result.errors) {
    for (const error of result.errors) {
      const code = error.extensions?.code;
      if (!CODES.has(code)) throw new Error(`uncoded or internal error ${JSON.stringify(error)} for ${context}`);
    }
  } else {
    expect(result.data).toBeDefined();
  }
}

async function send(body: string, extraHeaders: Record<string, string> = {}) {
  const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...extraHeaders }, body });
  const text = await response.text();
  if (response.status >= 500) throw new Error(`HTTP ${response.status} for ${body.slice(0, 300)}: ${text.slice(0, 300)}`);
  if (STACK.test(text)) throw new Error(`stack trace leaked for ${body.slice(0, 300)}: ${text.slice(0, 500)}`);
  return { status: response.status, json: JSON.parse(text) };
}

describe('fuzz', () => {
  it('answers 3000 generated operations with data or coded errors, anonymously and signed in', async () => {
    const ops = fc.sample(operation, { seed: SEED, numRuns: 3000 });
    for (let i = 0; i < ops.length; i += 50) {
      const batch = ops.slice(i, i + 50);
      const body = JSON.stringify(batch);
      const { json } = await send(body, i % 100 === 0 ? {} : headers);
      if (Array.isArray(json)) {
        json.forEach((result, k) => assertWellFormed(result, JSON.stringify(batch[k]).slice(0, 300)));
      } else {
        // A batch the server refuses as a whole (e.g. an entry that is not an operation).
        assertWellFormed(json, body.slice(0, 300));
        // Then every entry on its own must still be answered properly.
        for (const op of batch) {
          const single = await send(JSON.stringify(op), headers);
          assertWellFormed(single.json, JSON.stringify(op).slice(0, 300));
        }
      }
    }
  }, 60_000);

  it('answers 500 generated raw bodies with coded JSON errors', async () => {
    const bodies = fc.sample(
      fc.oneof(fc.string({ maxLength: 300 }), json.map((v) => JSON.stringify(v)), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))),
      { seed: SEED + 1, numRuns: 500 },
    );
    for (const body of bodies) {
      const { json } = await send(body, headers);
      const results = Array.isArray(json) ? json : [json];
      results.forEach((r) => assertWellFormed(r, body.slice(0, 200)));
    }
    // Still alive and answering.
    const ok = await app.gql('{ __typename }');
    expect(ok.data).toEqual({ __typename: 'Query' });
  }, 60_000);
});
