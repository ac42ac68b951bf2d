import { closeSync, openSync, writeSync } from 'node:fs';
import type { Reject } from './transform';

export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export const emptyCounts = (): ImportCounts => ({ read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 });

export function formatCounts(c: ImportCounts): string {
  return `read ${c.read}, inserted ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}`;
}

/** CSV of rejected rows (row, column, value, reason), created on the first reject. */
export class RejectReport {
  private fd?: number;

  constructor(
    readonly file: string,
    /** Resumed runs add to the report of the run they continue. */
    private readonly append: boolean,
  ) {}

  get written(): boolean {
    return this.fd !== undefined;
  }

  add(rejects: Reject[]): void {
    if (!rejects.length) return;
    if (this.fd === undefined) {
      this.fd = openSync(this.file, this.append ? 'a' : 'w');
      if (!this.append) writeSync(this.fd, 'row,column,value,reason\n');
    }
    const lines = rejects.sort((a, b) => a.row - b.row).map((r) => [r.row, r.column, r.value, r.reason].map(csvField).join(','));
    writeSync(this.fd, lines.join('\n') + '\n');
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}

function csvField(value: unknown): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
