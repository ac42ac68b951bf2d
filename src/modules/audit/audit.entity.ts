import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One write: who, when, what, and each changed field's value before and after. Never updated. */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEntry {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  @Index()
  accountId?: number;

  @Property({ type: 'string', length: 80 })
  action!: string;

  @Property({ type: 'string', length: 40 })
  entityType!: string;

  @Property({ type: 'integer' })
  entityId!: number;

  /** { field: { before, after } } */
  @Property({ type: 'json' })
  changes!: Record<string, { before: unknown; after: unknown }>;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  @Index()
  createdAt: Date = new Date();
}
