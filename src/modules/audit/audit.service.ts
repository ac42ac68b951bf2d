import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { enqueueSearchUpdate } from '../../search/outbox';
import { isSearchableType } from '../../search/documents';
import { AuditEntry } from './audit.entity';

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** Field-by-field difference of two snapshots; unchanged fields are left out. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const b = before ? (before[key] ?? null) : null;
    const a = after[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/**
 * The side effects every write shares, in one place, inside the writer's transaction: an audit
 * entry (who, when, what, each changed field before and after) and, for searchable records, a
 * search outbox row (the worker re-reads the record, so unpublishing removes it from the index).
 */
export function recordWrite(
  em: EntityManager,
  ctx: Pick<Context, 'viewer' | 'requestId'>,
  write: { action: string; entityType: string; entityId: number; changes: Changes },
): void {
  const entry = new AuditEntry();
  Object.assign(entry, {
    accountId: ctx.viewer?.accountId,
    action: write.action,
    entityType: write.entityType,
    entityId: write.entityId,
    changes: write.changes,
    requestId: ctx.requestId,
    createdAt: new Date(),
  });
  em.persist(entry);
  if (isSearchableType(write.entityType)) enqueueSearchUpdate(em, write.entityType, write.entityId);
}
