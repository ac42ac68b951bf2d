/**
 * `npm run ingest -- <folder or files…>`: stores .txt, .md, .html and .pdf texts as documents,
 * linked to the projects, programmes and organisations they mention. Exits 1 when a file failed.
 */
import 'reflect-metadata';
import { startDatabase } from '../app';
import { loadConfig } from '../config';
import { ingestFiles } from '../import/ingest/ingest';
import { createLogger } from '../logger';
import { runCommand } from './run';

async function main(): Promise<number> {
  const paths = process.argv.slice(2);
  if (!paths.length) {
    console.error('usage: npm run ingest -- <folder or files…>');
    return 2;
  }
  const config = { ...loadConfig(), SEED_ON_EMPTY: false };
  const database = await startDatabase(config, createLogger(config.LOG_LEVEL));
  try {
    const results = await ingestFiles(database.orm, paths);
    for (const r of results) {
      const detail = r.outcome === 'failed' ? r.error : `document ${r.documentId}, ${r.language}${r.mentions !== undefined ? `, ${r.mentions} mentions` : ''}`;
      console.log(`${r.outcome.padEnd(9)} ${r.file}: ${detail}`);
    }
    const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
    console.log(`${results.length} files: inserted ${count('inserted')}, unchanged ${count('unchanged')}, failed ${count('failed')}`);
    return count('failed') ? 1 : 0;
  } finally {
    await database.stop();
  }
}

runCommand(main);
