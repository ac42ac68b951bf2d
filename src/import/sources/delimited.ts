import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { byteCounter, checkColumns, ReadRow, Source, UnusableFileError } from './source';

export interface DelimitedOptions {
  delimiter?: string;
  quote: string | false;
  encoding?: string;
  /** Columns the mapping reads: the header must have them. */
  columns: string[];
}

const HEAD_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/** CSV/TSV with any delimiter, quoted fields, a BOM, in UTF-8 or a legacy single-byte encoding. */
export function readDelimited(file: string, options: DelimitedOptions): Source {
  const head = readHead(file);
  const encoding = options.encoding ?? detectEncoding(head);
  if (!iconv.encodingExists(encoding)) throw new UnusableFileError(`unknown encoding "${encoding}"`);
  const delimiter = options.delimiter ?? detectDelimiter(iconv.decode(head, encoding));
  const counter = byteCounter();

  async function* rows(): AsyncGenerator<ReadRow> {
    const parser = createReadStream(file)
      .pipe(counter.stream)
      .pipe(iconv.decodeStream(encoding))
      .pipe(
        parse({
          delimiter,
          quote: options.quote === false ? null : options.quote,
          bom: true,
          relax_column_count: true,
          relax_quotes: true,
          skip_empty_lines: true,
        }),
      );
    let header: string[] | undefined;
    let row = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((c) => c.trim());
        checkColumns(header, options.columns);
        continue;
      }
      row++;
      const values = Object.fromEntries(header.map((column, i) => [column, record[i]]));
      const problem = record.length === header.length ? undefined : `${record.length} columns, the header has ${header.length}`;
      yield { row, values, problem };
    }
    if (!header) throw new UnusableFileError('the file is empty');
  }

  return { rows: rows(), bytesRead: counter.count };
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * UTF-8 when the head decodes as UTF-8 (or has a BOM); otherwise Windows-1251 when most letters
 * are high bytes (Cyrillic), else Windows-1250 (Central European Latin, where only accented
 * letters are).
 */
export function detectEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    let high = 0;
    let ascii = 0;
    for (const byte of head) {
      if (byte >= 0xc0) high++;
      else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) ascii++;
    }
    return high > ascii ? 'windows-1251' : 'windows-1250';
  }
}

/** The candidate that occurs most often in the header line. */
function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0];
  const counts = DELIMITERS.map((d) => line.split(d).length - 1);
  const best = Math.max(...counts);
  if (best === 0) return ',';
  return DELIMITERS[counts.indexOf(best)];
}
