import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum OutboxOperation {
  UPSERT = 'UPSERT',
  DELETE = 'DELETE',
}

/**
 * A pending change for the search index, written in the same transaction as the change itself,
 * so Meilisearch being down delays freshness but never loses an update.
 */
@Entity({ tableName: 'search_outbox' })
@Index({ properties: ['availableAt'] })
export class SearchOutbox {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 40 })
  entityType!: string;

  @Property({ type: 'integer' })
  entityId!: number;

  @Enum({ items: () => OutboxOperation })
  operation!: OutboxOperation;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  availableAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  lastError?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
