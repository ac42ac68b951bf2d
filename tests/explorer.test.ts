import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { EXPLORER_EXAMPLES } from '../src/graphql/explorer';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * The explorer page end to end, in Debian's headless Chromium (README: test set-up installs it).
 * Every request that is not to the test server is aborted, so passing proves it works offline.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

let app: TestApp;
let browser: Browser | undefined;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the explorer test needs it. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (see the README\'s test set-up), or set CHROMIUM_PATH.',
    );
  }
  [app, browser] = await Promise.all([
    createTestApp(),
    // launch() starts Chromium on a fresh temporary user-data dir, removed on close.
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 15000 }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const isLocal = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

describe('explorer page', () => {
  it('runs the preloaded project-page example in headless Chromium with no internet access', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    const problems: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    try {
      const response = await page.goto(app.url, { waitUntil: 'load' });
      expect(response!.status()).toBe(200);
      expect(response!.headers()['content-type']).toMatch(/^text\/html/);
      expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);

      await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 15000 });
      const editorText = () =>
        page.evaluate((selector) => {
          const editor = document.querySelector(selector) as (Element & { CodeMirror?: { getValue(): string } }) | null;
          return editor?.CodeMirror?.getValue() ?? '';
        }, '.graphiql-query-editor .CodeMirror');
      expect(await editorText()).toBe(EXPLORER_EXAMPLES[0].query);
      expect(await editorText()).toContain('query ProjectPage');
      // every example is a tab
      await expect(page.locator('.graphiql-tab').count()).resolves.toBe(EXPLORER_EXAMPLES.length);

      await page.locator('button.graphiql-execute-button').click();
      await page.waitForFunction(
        () => {
          const response = document.querySelector('.graphiql-response .CodeMirror') as (Element & { CodeMirror?: { getValue(): string } }) | null;
          return response?.CodeMirror?.getValue().includes('CLUSTERS-CORD');
        },
        undefined,
        { timeout: 10000 },
      );
      const result = await page.evaluate(() => {
        const response = document.querySelector('.graphiql-response .CodeMirror') as Element & { CodeMirror: { getValue(): string } };
        return response.CodeMirror.getValue();
      });
      expect(result).toContain('"acronym": "CLUSTERS-CORD"');
      expect(result).toContain('Regionální rozvojová agentura');
      expect(JSON.parse(result).errors).toBeUndefined();
      // and the rendered text shows it, not just the editor's model
      await expect(page.locator('.graphiql-response').innerText()).resolves.toContain('CLUSTERS-CORD');

      expect(blocked).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves the assets from the app itself, cached for a year', async () => {
    const html = await (await fetch(app.url, { headers: { accept: 'text/html' } })).text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1].replace(/&#38;/g, '&'));
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      expect(source).toMatch(/^\/graphql\/explorer\/assets\//);
      const response = await fetch(new URL(source, app.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      await response.arrayBuffer();
    }
    expect((await fetch(new URL('/graphql/explorer/assets/package.json', app.url))).status).not.toBe(200);
  });

  it('leaves GET requests that do not ask for HTML to Apollo', async () => {
    const url = `${app.url}?query=${encodeURIComponent('{ __typename }')}`;
    const response = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });

    // curl's default Accept: */* is not a browser either
    const curl = await fetch(url, { headers: { accept: '*/*', 'apollo-require-preflight': 'true' } });
    expect(await curl.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('preloads examples that the schema answers', async () => {
    for (const example of EXPLORER_EXAMPLES.filter((e) => e.name !== 'Search')) {
      const { errors, data } = await app.gql(example.query, example.variables);
      expect(errors).toBeUndefined();
      expect(Object.values(data!)[0]).not.toBeNull();
    }
  });
});
