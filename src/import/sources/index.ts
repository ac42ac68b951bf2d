import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { columnsOf, Mapping } from '../mapping';
import { readDelimited } from './delimited';
import { readJsonArray, readNdjson } from './json';
import { Source, UnusableFileError } from './source';
import { readXlsx } from './xlsx';

export { UnusableFileError } from './source';
export type { ReadRow, Source } from './source';

export type Format = 'csv' | 'tsv' | 'json' | 'ndjson' | 'xlsx';

const BY_EXTENSION: Record<string, Format> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.xlsx': 'xlsx',
};

/** Opens a file with the reader its format needs: the option, the mapping, then the extension. */
export function openSource(file: string, mapping: Mapping, options: { format?: Format; encoding?: string } = {}): Source {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UnusableFileError(`${file}: no such file`);
  const format = options.format ?? mapping.format ?? BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!format) throw new UnusableFileError(`${file}: unknown format; pass --format csv|tsv|json|ndjson|xlsx`);
  const columns = columnsOf(mapping);
  switch (format) {
    case 'csv':
    case 'tsv':
      return readDelimited(file, {
        delimiter: mapping.delimiter ?? (format === 'tsv' ? '\t' : undefined),
        quote: mapping.quote,
        encoding: options.encoding ?? mapping.encoding,
        columns,
      });
    case 'json':
      return firstByte(file) === '[' ? readJsonArray(file) : readNdjson(file);
    case 'ndjson':
      return readNdjson(file);
    case 'xlsx':
      return readXlsx(file, columns);
  }
}

/** A ".json" file holding one object per line is NDJSON. */
function firstByte(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    return buffer.subarray(0, readSync(fd, buffer, 0, 1024, 0)).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0] ?? '';
  } finally {
    closeSync(fd);
  }
}
