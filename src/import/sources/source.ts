import { Transform } from 'node:stream';
import type { SourceRow } from '../transform';

/** The file cannot be imported at all (missing, unreadable, wrong format, columns missing). */
export class UnusableFileError extends Error {}

/** Rows of a file; `problem` marks a row the reader could not split (rejected, not fatal). */
export type ReadRow = SourceRow & { problem?: string };

export interface Source {
  rows: AsyncIterable<ReadRow>;
  /** Bytes consumed so far, for progress and ETA. */
  bytesRead(): number;
}

/** Passes bytes through, counting them. */
export function byteCounter(): { stream: Transform; count(): number } {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, count: () => bytes };
}

export function checkColumns(header: string[], needed: string[]): void {
  const have = new Set(header);
  const missing = needed.filter((c) => !have.has(c));
  if (missing.length) throw new UnusableFileError(`missing column(s) ${missing.map((c) => `"${c}"`).join(', ')}; the header has ${header.map((c) => `"${c}"`).join(', ')}`);
}
