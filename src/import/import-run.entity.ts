import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

export enum ImportRunStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  INTERRUPTED = 'INTERRUPTED',
}

/**
 * One run of `npm run import`: committed with every batch, so `--resume` knows the last row that
 * landed, and the summary survives a crash.
 */
@Entity({ tableName: 'import_run' })
@Index({ properties: ['fileChecksum', 'mapping'] })
export class ImportRun extends BaseEntity {
  @Property({ type: 'string', length: 1000 })
  file!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  fileChecksum!: string;

  @Property({ type: 'string', length: 200 })
  mapping!: string;

  @Enum({ items: () => ImportRunStatus })
  status: ImportRunStatus = ImportRunStatus.RUNNING;

  /** Number of data rows committed so far (rows are counted from 1 after the header). */
  @Property({ type: 'integer', default: 0 })
  committedRows: number = 0;

  /** { read, inserted, updated, unchanged, rejected } */
  @Property({ type: 'json' })
  counts: Record<string, number> = {};

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  finishedAt?: Date;
}
