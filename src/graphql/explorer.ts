import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/**
 * The explorer: GraphiQL 3 at the GraphQL URL for browsers (GET preferring text/html), served
 * entirely from local files (node_modules + src/graphql/explorer/), so it works with no internet
 * access. Everything else (POST, GET asking for JSON) falls through to Apollo.
 */

export interface ExplorerExample {
  /** A label for this list only: GraphiQL titles each tab by its operation name. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface ExplorerOptions {
  /** Where the GraphQL endpoint and this page are mounted, e.g. "/graphql". */
  graphqlPath: string;
  /** Preloaded as tabs, the first one active. */
  examples: ExplorerExample[];
}

/** The example operations preloaded as tabs; extend here. */
export const EXPLORER_EXAMPLES: ExplorerExample[] = [
  {
    name: 'Project page',
    query: `query ProjectPage {
  project(acronym: "clusters cord") {
    acronym
    title
    referenceCode
    startDate
    endDate
    totalBudget { amount currency }
    programme { code name }
    partners {
      role
      organisation { name country { code name } }
    }
    outputs(first: 10) {
      totalCount
      nodes { type title }
    }
    themes { code label }
  }
}`,
  },
  {
    name: 'Programme dashboard',
    query: `query ProgrammeDashboard {
  programme(code: "south-east-europe-2007-2013") {
    name
    periodStart
    periodEnd
    countries { code name }
    calls { ordinal name }
    projects(first: 20) {
      totalCount
      nodes { acronym title startDate }
    }
  }
}`,
  },
  {
    name: 'Search',
    query: `query Search {
  search(query: "klaster", first: 10) {
    totalCount
    nodes { type title language snippet }
    facets { name values { value count } }
  }
}`,
  },
];

/** Below the GraphQL path: `${graphqlPath}${EXPLORER_ASSETS_PATH}/<file>`. */
export const EXPLORER_ASSETS_PATH = '/explorer/assets';

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The only files served, by URL name; order = load order of the scripts. */
const ASSET_FILES: Record<string, string> = {
  'graphiql.min.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
  'explorer.css': path.join(__dirname, 'explorer', 'explorer.css'),
  'react.production.min.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.min.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'explorer.js': path.join(__dirname, 'explorer', 'explorer.js'),
};
const STYLES = ['graphiql.min.css', 'explorer.css'];
const SCRIPTS = ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'explorer.js'];

let assetVersion: string | undefined;
/** A hash of every asset's content: the cache-busting `?v=` of their URLs (they are cached for a year). */
function version(): string {
  if (!assetVersion) {
    const hash = createHash('sha256');
    for (const file of Object.values(ASSET_FILES)) hash.update(readFileSync(file));
    assetVersion = hash.digest('hex').slice(0, 12);
  }
  return assetVersion;
}

export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the explorer's scripts and styles under EXPLORER_ASSETS_PATH; mount it at the GraphQL path. */
export function explorerAssets(): Router {
  const router = express.Router();
  version(); // fail at start-up, not on the first page view, when a file is missing
  router.get(`${EXPLORER_ASSETS_PATH}/:file`, (req, res, next) => {
    const file = Object.hasOwn(ASSET_FILES, req.params.file) ? ASSET_FILES[req.params.file] : undefined;
    if (!file) {
      next();
      return;
    }
    res.sendFile(file, {
      maxAge: '365d',
      immutable: true,
      headers: { 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'same-origin' },
    });
  });
  return router;
}

/** GET from a browser (Accept prefers text/html) → the explorer page; anything else → next() (Apollo). */
export function explorerMiddleware(options: ExplorerOptions): RequestHandler {
  const html = explorerHtml(options);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    res.vary('Accept');
    if (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    res
      .status(200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': EXPLORER_CSP,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .send(html);
  };
}

/** The page: no inline script or style; the examples travel as inert JSON read by explorer.js. */
export function explorerHtml({ graphqlPath, examples }: ExplorerOptions): string {
  const base = graphqlPath.replace(/\/+$/, '');
  const asset = (name: string) => escapeHtml(`${base}${EXPLORER_ASSETS_PATH}/${name}?v=${version()}`);
  const config = JSON.stringify({ url: base || '/', examples }).replace(/</g, '\\u003c');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<title>Clusterbase GraphQL explorer</title>',
    ...STYLES.map((name) => `<link rel="stylesheet" href="${asset(name)}">`),
    '</head>',
    '<body>',
    '<div id="graphiql"><p class="explorer-loading">Loading the GraphQL explorer…</p></div>',
    '<noscript>The explorer needs JavaScript. The API itself answers POST requests with a JSON body {"query": "…"} at this URL.</noscript>',
    `<script type="application/json" id="explorer-config">${config}</script>`,
    ...SCRIPTS.map((name) => `<script src="${asset(name)}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
