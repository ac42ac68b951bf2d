import path from 'node:path';
import { z } from 'zod';

/** Every setting comes from the environment; README's configuration table lists them. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(path.resolve(__dirname, '..', '.data')),
  SEEDS_DIR: z.string().default(path.resolve(__dirname, '..', 'seeds')),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  SEARCH_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/).default('cb_'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_ON_EMPTY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Seconds an anonymous query's response may be served from the in-process cache; 0 disables it. */
  RESPONSE_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(300),
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).default(64),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(12),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(10).default(20000),
  /** Aliased fields per operation; batched operations per HTTP request; request body bytes. */
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_BATCH_SIZE: z.coerce.number().int().min(1).default(5),
  MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Operations per window: per API token when signed in, per client IP otherwise. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_AUTHENTICATED: z.coerce.number().int().min(1).default(1200),
  /** Express `trust proxy` (hops or 'true'); set it behind a reverse proxy so the client IP is right. */
  TRUST_PROXY: z.string().default('false'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  if (parsed.data.NODE_ENV === 'production') assertProductionSecrets(parsed.data);
  return parsed.data;
}

/** Values that must never guard a deployment (examples from docs, compose files and tests). */
const WEAK_SECRETS = new Set(['', 'masterkey', 'master_key', 'changeme', 'change-me', 'secret', 'password', 'test', 'dev', 'development']);

/** Production refuses to start with a missing, default or short secret. */
export function assertProductionSecrets(config: Pick<Config, 'MEILI_MASTER_KEY'>): void {
  const key = config.MEILI_MASTER_KEY ?? '';
  if (WEAK_SECRETS.has(key.toLowerCase()) || key.length < 16) {
    throw new Error(
      'Invalid configuration: MEILI_MASTER_KEY must be set to a random secret of at least 16 characters when NODE_ENV=production',
    );
  }
}
