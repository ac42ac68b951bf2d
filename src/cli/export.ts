/**
 * `npm run export -- --format ndjson|csv|jsonld --out <dir>`: the published knowledge base, one
 * file per entity type plus manifest.json (counts, checksums). NDJSON and CSV exports import back
 * with the built-in clusterbase-<type> mappings.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { startDatabase } from '../app';
import { loadConfig } from '../config';
import { EXPORT_FORMATS, ExportFormat, exportKnowledgeBase } from '../import/export';
import { createLogger } from '../logger';
import { runCommand } from './run';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { format: { type: 'string', default: 'ndjson' }, out: { type: 'string' } } });
  const format = values.format as ExportFormat;
  if (!values.out || !EXPORT_FORMATS.includes(format)) {
    console.error(`usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} --out <dir>`);
    return 2;
  }
  const config = { ...loadConfig(), SEED_ON_EMPTY: false };
  const database = await startDatabase(config, createLogger(config.LOG_LEVEL));
  try {
    const manifest = await exportKnowledgeBase(database.orm, format, values.out);
    for (const f of manifest.files) console.log(`${f.file}: ${f.count} records`);
    console.log(`manifest: ${values.out}/manifest.json (checksum ${manifest.checksum})`);
    return 0;
  } finally {
    await database.stop();
  }
}

runCommand(main);
