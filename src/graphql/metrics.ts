import type { MikroORM } from '@mikro-orm/postgresql';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * Prometheus metrics at /metrics: process figures (RSS, event-loop lag…) plus SQL statements
 * issued, which lets benchmarks and operators see queries per request without query logging.
 */
export function createMetrics(orm: MikroORM): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const statements = new Counter({
    name: 'clusterbase_sql_statements_total',
    help: 'SQL statements sent to PostgreSQL',
    registers: [registry],
  });
  orm.em.getConnection().getKnex().on('query', () => statements.inc());
  return registry;
}
