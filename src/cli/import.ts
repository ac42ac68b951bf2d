/**
 * `npm run import -- <file> --mapping <mapping> [--resume]`: imports a CSV/TSV/JSON/NDJSON/XLSX
 * file through a mapping into DATABASE_URL (or the embedded database). Exits 0 even when rows were
 * rejected (they are in the reject report), 2 when the file or mapping is unusable, 130 on Ctrl-C.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { startDatabase } from '../app';
import { loadConfig } from '../config';
import { ImportRunStatus } from '../import/import-run.entity';
import { formatCounts } from '../import/report';
import { MappingError, runImport, UnusableFileError } from '../import/runner';
import type { Format } from '../import/sources';
import { createLogger } from '../logger';
import { runCommand } from './run';

const USAGE = 'usage: npm run import -- <file> --mapping <name|file> [--resume] [--batch-size 1000] [--rejects <file>] [--format csv|tsv|json|ndjson|xlsx] [--encoding windows-1250]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      mapping: { type: 'string', short: 'm' },
      resume: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      rejects: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
    },
  });
  if (positionals.length !== 1 || !values.mapping) {
    console.error(USAGE);
    return 2;
  }
  const config = { ...loadConfig(), SEED_ON_EMPTY: false };
  const logger = createLogger(config.LOG_LEVEL);
  const database = await startDatabase(config, logger);
  const abort = new AbortController();
  process.once('SIGINT', () => {
    abort.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  try {
    const summary = await runImport(database.orm, {
      file: positionals[0],
      mapping: values.mapping,
      resume: values.resume,
      batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
      rejectsFile: values.rejects,
      format: values.format as Format | undefined,
      encoding: values.encoding,
      signal: abort.signal,
      progress: { interactive: process.stderr.isTTY === true, log: (line) => logger.info(line) },
    });
    console.log(`${summary.status.toLowerCase()} in ${summary.seconds.toFixed(1)} s: ${formatCounts(summary)}`);
    if (summary.rejectsFile) console.log(`rejected rows: ${summary.rejectsFile}`);
    if (summary.status === ImportRunStatus.INTERRUPTED) {
      console.log('interrupted: run again with --resume to continue after the last committed row');
      return 130;
    }
    return 0;
  } catch (error) {
    if (error instanceof UnusableFileError || error instanceof MappingError) {
      console.error(`cannot import: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await database.stop();
  }
}

runCommand(main);
