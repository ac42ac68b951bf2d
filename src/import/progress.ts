import cliProgress from 'cli-progress';

export interface Progress {
  update(rows: number, bytes: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Bytes in the file: progress and ETA are measured in bytes, since streamed rows are not counted ahead. */
  totalBytes: number;
  /** A bar on a terminal; plain periodic lines otherwise (CI logs, pipes). */
  interactive: boolean;
  log: (line: string) => void;
  /** Seconds between plain log lines. */
  interval?: number;
}

export function createProgress(options: ProgressOptions): Progress {
  const started = Date.now();
  const rate = (rows: number) => rows / Math.max((Date.now() - started) / 1000, 0.001);
  // Our own ETA: cli-progress's is derived from value steps, which jump as the reader reads ahead.
  const eta = (bytes: number) => {
    const elapsed = (Date.now() - started) / 1000;
    return bytes > 0 ? `${Math.max(0, Math.round((elapsed * (options.totalBytes - bytes)) / bytes))}s` : '?';
  };

  if (options.interactive) {
    const bar = new cliProgress.SingleBar(
      { format: '{bar} {percentage}% | {rows} rows | {speed} rows/s | ETA {remaining}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(options.totalBytes, 1), 0, { rows: 0, speed: 0, remaining: '?' });
    return {
      update: (rows, bytes) => bar.update(Math.min(bytes, options.totalBytes), { rows, speed: Math.round(rate(rows)), remaining: eta(bytes) }),
      stop: () => bar.stop(),
    };
  }

  const interval = (options.interval ?? 5) * 1000;
  let last = started;
  return {
    update(rows, bytes) {
      if (Date.now() - last < interval) return;
      last = Date.now();
      const percent = Math.min(100, Math.round((bytes / Math.max(options.totalBytes, 1)) * 100));
      options.log(`import: ${rows} rows (${percent}%), ${Math.round(rate(rows))} rows/s, ETA ${eta(bytes)}`);
    },
    stop: () => undefined,
  };
}
