import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * What one job of the load run used: wall time, store requests (every DynamoDB request the runtime's
 * client sent, by command), and memory (the process's peak resident set and the JavaScript heap's
 * growth over the job, sampled every 20 ms; the heap is collected first when Node runs with
 * --expose-gc, as `npm run load-run` does).
 */
export interface JobUse {
  ms: number;
  requests: number;
  byCommand: Record<string, number>;
  peakRssMb: number;
  heapGrowthMb: number;
}

export function storeRequestCounter(client: DynamoDBClient) {
  let byCommand: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      byCommand[name] = (byCommand[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'build', priority: 'high', name: 'loadRunCounter' },
  );
  return {
    take() {
      const taken = byCommand;
      byCommand = {};
      return taken;
    },
  };
}

const MB = 1024 * 1024;

export async function probe<T>(
  counter: ReturnType<typeof storeRequestCounter>,
  body: () => Promise<T>,
): Promise<{ result: T; use: JobUse }> {
  (globalThis as { gc?: () => void }).gc?.();
  counter.take();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const started = performance.now();
  try {
    const result = await body();
    const ms = performance.now() - started;
    const end = process.memoryUsage();
    const byCommand = counter.take();
    return {
      result,
      use: {
        ms,
        requests: Object.values(byCommand).reduce((s, n) => s + n, 0),
        byCommand,
        peakRssMb: Math.max(peakRss, end.rss) / MB,
        heapGrowthMb: (Math.max(peakHeap, end.heapUsed) - heapBefore) / MB,
      },
    };
  } finally {
    clearInterval(sampler);
  }
}
