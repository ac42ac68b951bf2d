import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express from 'express';
import type { Config } from './config';
import { connectOrm, migrate, pendingMigrations } from './db/database';
import { startEmbeddedPostgres, embeddedDatabaseName } from './db/embedded-postgres';
import { Context, createContext } from './graphql/context';
import { formatError, inputErrorFieldPlugin } from './graphql/error-handling';
import { EXPLORER_EXAMPLES, explorerAssets, explorerMiddleware } from './graphql/explorer';
import { complexityPlugin, depthRule } from './graphql/limits';
import { createMetrics } from './graphql/metrics';
import { startResponseCache } from './graphql/response-cache';
import { getSchema } from './graphql/schema';
import { aliasLimitPlugin, authenticateAndLimit, batchLimit, httpErrorHandler, MAX_TOKENS, SecureRequest } from './graphql/security';
import type { SearchRuntime } from './search/runtime';
import type { Logger } from './logger';
import { ensureReferenceData } from './modules/country/country.service';
import { loadSeeds, isDatabaseEmpty } from './seed/seed.loader';

export interface Database {
  orm: MikroORM;
  url: string;
  stop(): Promise<void>;
}

/** PostgreSQL from DATABASE_URL, or the embedded server under DATA_DIR; migrated and seeded. */
export async function startDatabase(config: Config, logger: Logger): Promise<Database> {
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(path.join(config.DATA_DIR, 'postgres'), config.EMBEDDED_PG_PORT, logger);
  const url = config.DATABASE_URL ?? embedded!.url(embeddedDatabaseName);
  try {
    const orm = await connectOrm(url);
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'applied migrations');
    await ensureReferenceData(orm.em.fork());
    if (config.SEED_ON_EMPTY && (await isDatabaseEmpty(orm.em.fork()))) {
      const summary = await loadSeeds(orm.em.fork(), config.SEEDS_DIR);
      logger.info(summary, 'database was empty: loaded the curated seeds');
    }
    return {
      orm,
      url,
      stop: async () => {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export interface HttpApp {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/** Express + Apollo on the given ORM: /graphql, /healthz, /readyz. */
export async function startHttp(
  orm: MikroORM,
  config: Config,
  logger: Logger,
  port = config.PORT,
  search?: SearchRuntime,
): Promise<HttpApp> {
  const app = express();
  app.set('trust proxy', /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY === 'true');
  const production = config.NODE_ENV === 'production';
  const server = http.createServer(app);
  const schema = await getSchema();
  const responseCache = config.RESPONSE_CACHE_MAX_AGE
    ? await startResponseCache(orm.config.get('clientUrl')!, logger, {
        maxAgeSeconds: config.RESPONSE_CACHE_MAX_AGE,
        maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024,
      })
    : undefined;
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    // No "Did you mean …?" schema hints in production errors.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signal handling and stops search and the database after Apollo.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [depthRule(config.MAX_QUERY_DEPTH)],
    formatError: formatError(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's landing page loads from a CDN; browsers get the offline explorer instead.
      ApolloServerPluginLandingPageDisabled(),
      inputErrorFieldPlugin(),
      complexityPlugin(schema, config.MAX_QUERY_COMPLEXITY),
      // Without the response cache no one reads cache hints: skip instrumenting every field for them.
      ...(responseCache?.plugins ?? [ApolloServerPluginCacheControlDisabled()]),
      aliasLimitPlugin(config.MAX_ALIASES),
    ],
  });
  await apollo.start();

  const metrics = createMetrics(orm);
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      const pending = await pendingMigrations(orm);
      // Search lag is reported, not fatal: writes keep working while Meilisearch catches up.
      const searchStatus = search ? await search.status() : undefined;
      res.status(pending ? 503 : 200).json({
        status: pending ? 'migrating' : 'ready',
        database: 'ok',
        pendingMigrations: pending,
        search: searchStatus,
      });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  app.use(
    '/graphql',
    explorerAssets(),
    explorerMiddleware({ graphqlPath: '/graphql', examples: EXPLORER_EXAMPLES }),
    cors(),
    express.json({ limit: config.MAX_REQUEST_BYTES }),
    batchLimit(config.MAX_BATCH_SIZE),
    authenticateAndLimit(orm, config),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
        const viewer = (req as SecureRequest).viewer ?? null;
        const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) || undefined;
        return {
          ...createContext(orm.em as never, logger, requestId, viewer, search?.service),
          idempotencyKey,
          cacheGeneration: responseCache?.generation(),
        };
      },
    }),
    httpErrorHandler(logger),
  );

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, config.HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://localhost:${boundPort}/graphql`;
  return {
    server,
    url,
    close: async () => {
      await apollo.stop();
      await responseCache?.stop();
    },
  };
}
