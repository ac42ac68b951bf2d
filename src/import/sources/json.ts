import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';
import type { Cell } from '../values';
import { byteCounter, ReadRow, Source, UnusableFileError } from './source';

/** A JSON array of objects, streamed element by element. */
export function readJsonArray(file: string): Source {
  const counter = byteCounter();
  async function* rows(): AsyncGenerator<ReadRow> {
    const elements = createReadStream(file).pipe(counter.stream).pipe(parser()).pipe(streamArray());
    try {
      for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) yield toRow(key + 1, value);
    } catch (error) {
      throw new UnusableFileError(`not a JSON array: ${(error as Error).message}`);
    }
  }
  return { rows: rows(), bytesRead: counter.count };
}

/** One JSON object per line; a line that is not one is rejected, not fatal. */
export function readNdjson(file: string): Source {
  const counter = byteCounter();
  async function* rows(): AsyncGenerator<ReadRow> {
    const lines = createInterface({ input: createReadStream(file).pipe(counter.stream), crlfDelay: Infinity });
    let row = 0;
    for await (const line of lines) {
      const text = row === 0 ? line.replace(/^\uFEFF/, '') : line;
      if (!text.trim()) continue;
      row++;
      try {
        yield toRow(row, JSON.parse(text));
      } catch {
        yield { row, values: { line: text.slice(0, 200) }, problem: 'not a JSON object' };
      }
    }
  }
  return { rows: rows(), bytesRead: counter.count };
}

function toRow(row: number, value: unknown): ReadRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { row, values: {}, problem: 'not a JSON object' };
  return { row, values: value as Record<string, Cell> };
}
