import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  samples: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Drives `baseUrl` with `connections` concurrent clients for `seconds`, each request built by
 * `next(i)`; exact p50/p95/p99 come from every response time, not from buckets.
 */
export async function runLoad(baseUrl: string, next: (i: number) => LoadRequest, connections: number, seconds: number): Promise<LoadResult> {
  let counter = 0;
  const latencies: number[] = [];
  let failures = 0;
  let instance: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const spec = next(counter++);
          return { ...request, method: spec.method, path: spec.path, body: spec.body, headers: { 'content-type': 'application/json', ...spec.headers } };
        },
      },
    ],
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance!.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode >= 400) failures++;
  });
  const result = await finished;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round((result.requests.total / seconds) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: failures + result.errors + result.timeouts,
    samples: latencies.length,
  };
}
