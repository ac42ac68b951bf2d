import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ImportRun, ImportRunStatus } from './import-run.entity';
import { loadMapping } from './mapping';
import { createProgress, Progress } from './progress';
import { emptyCounts, ImportCounts, RejectReport } from './report';
import { Format, openSource, UnusableFileError } from './sources';
import { MappedRow, Reject, RowMapper } from './transform';
import { BatchWriter, stableJson } from './writer';

export interface ImportOptions {
  file: string;
  /** A mapping file, or the name of a built-in mapping (mappings/<name>.yaml). */
  mapping: string;
  /** Continue the last unfinished run of this file and mapping after its last committed row. */
  resume?: boolean;
  batchSize?: number;
  /** Where rejected rows are reported; "<file name>.rejects.csv" in the working directory by default. */
  rejectsFile?: string;
  format?: Format;
  encoding?: string;
  /** Aborting (Ctrl-C) commits the rows read so far and stops; `resume` continues. */
  signal?: AbortSignal;
  progress?: { interactive: boolean; log: (line: string) => void };
  /** Test hook: called after each committed batch. */
  afterBatch?: (committedRows: number) => void | Promise<void>;
}

export interface ImportSummary extends ImportCounts {
  runId: number;
  status: ImportRunStatus;
  rejectsFile?: string;
  seconds: number;
}

export { UnusableFileError } from './sources';
export { MappingError } from './mapping';

/**
 * Streams a file through a mapping into the database in batches, one transaction per batch. Each
 * commit records the last row it covers on the import run, so a crash or Ctrl-C loses nothing
 * committed and `resume` skips exactly the committed rows.
 */
export async function runImport(orm: MikroORM, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const mapping = loadMapping(options.mapping);
  const file = path.resolve(options.file);
  const source = openSource(file, mapping, { format: options.format, encoding: options.encoding });
  const checksum = await sha256(file);
  const run = await startRun(orm, file, checksum, mapping.name, options.resume ?? false);
  const counts: ImportCounts = { ...emptyCounts(), ...run.counts };
  const report = new RejectReport(options.rejectsFile ?? `${path.basename(file)}.rejects.csv`, run.committedRows > 0);
  const mapper = new RowMapper(mapping);
  const batchSize = options.batchSize ?? 1000;
  const seen = new Map<string, { row: number; values: string }>();
  const progress: Progress = options.progress
    ? createProgress({ totalBytes: statSync(file).size, ...options.progress })
    : { update: () => undefined, stop: () => undefined };

  let batch: MappedRow[] = [];
  let rejects: Reject[] = [];
  let lastRow = run.committedRows;
  const commit = async () => {
    const tentative = { ...counts };
    await orm.em.fork().transactional(async (em) => {
      const result = await new BatchWriter(em, mapping.source, path.basename(file)).write(batch);
      for (const outcome of result.outcomes.values()) tentative[outcome]++;
      rejects.push(...result.rejects);
      tentative.rejected += result.rejects.length;
      await em.nativeUpdate(ImportRun, { id: run.id }, { committedRows: lastRow, counts: { ...tentative } });
    });
    Object.assign(counts, tentative);
    report.add(rejects);
    batch = [];
    rejects = [];
    await options.afterBatch?.(lastRow);
  };

  let status = ImportRunStatus.COMPLETED;
  try {
    for await (const row of source.rows) {
      if (row.row <= run.committedRows) continue;
      counts.read++;
      lastRow = row.row;
      const mapped = row.problem ? { row: row.row, column: '', value: '', reason: row.problem } : mapper.map(row);
      const reject = 'reason' in mapped ? mapped : duplicateOf(mapped, seen);
      if (reject) {
        rejects.push(reject);
        counts.rejected++;
      } else batch.push(mapped as MappedRow);
      if (batch.length >= batchSize) await commit();
      progress.update(counts.read, source.bytesRead());
      if (options.signal?.aborted) {
        status = ImportRunStatus.INTERRUPTED;
        break;
      }
    }
    await commit();
  } catch (error) {
    await finishRun(orm, run.id, ImportRunStatus.FAILED);
    throw error;
  } finally {
    progress.stop();
    report.close();
  }
  await finishRun(orm, run.id, status);
  return { ...counts, runId: run.id, status, rejectsFile: report.written ? report.file : undefined, seconds: (Date.now() - started) / 1000 };
}

/**
 * A second row with the same external id must give the record the same values, or which one wins
 * would depend on row order. Claim-only values may differ: each row's claims cite that row.
 */
function duplicateOf(row: MappedRow, seen: Map<string, { row: number; values: string }>): Reject | undefined {
  for (const record of row.records) {
    if (!record.externalId) continue;
    const key = `${record.type}|${record.externalId}`;
    const values = stableJson([record.fields, record.refs]);
    const first = seen.get(key);
    if (!first) seen.set(key, { row: row.row, values });
    else if (first.values !== values) {
      return { row: row.row, column: 'id', value: record.externalId, reason: `${record.type}: same id as row ${first.row} with different values` };
    }
  }
  return undefined;
}

async function startRun(orm: MikroORM, file: string, checksum: string, mapping: string, resume: boolean): Promise<ImportRun> {
  const em = orm.em.fork();
  if (resume) {
    const unfinished = await em.findOne(
      ImportRun,
      { fileChecksum: checksum, mapping, status: { $ne: ImportRunStatus.COMPLETED } },
      { orderBy: { id: 'desc' } },
    );
    if (unfinished) {
      unfinished.status = ImportRunStatus.RUNNING;
      await em.flush();
      return unfinished;
    }
  }
  const run = em.create(ImportRun, {
    file,
    fileChecksum: checksum,
    mapping,
    status: ImportRunStatus.RUNNING,
    committedRows: 0,
    counts: { ...emptyCounts() },
  });
  await em.flush();
  return run;
}

async function finishRun(orm: MikroORM, id: number, status: ImportRunStatus): Promise<void> {
  await orm.em.fork().nativeUpdate(ImportRun, { id }, { status, finishedAt: new Date() });
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', (error) => reject(new UnusableFileError(`${file}: ${error.message}`)));
  });
}
