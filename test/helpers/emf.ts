import { vi } from 'vitest';
import { COUNTS_MESSAGE } from '#shared/metrics.js';

/**
 * One line from shared/metrics.ts: the counts-only line (`message: "counts"`, every count of the
 * invocation, no `_aws`) or a CloudWatch Embedded Metric Format line as Powertools Metrics writes it
 * (`_aws`: the published metrics).
 */
export interface EmfLine {
  _aws?: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

const isCountsLine = (line: string) =>
  line.includes('"_aws"') || line.includes(`"message":"${COUNTS_MESSAGE}"`);

/** The CloudWatch metrics an EMF line publishes (none for a counts-only line). */
export function publishedIn(line: EmfLine): string[] {
  return (line._aws?.CloudWatchMetrics ?? []).flatMap((directive) => directive.Metrics.map((m) => m.Name));
}

/**
 * Runs `run` and returns its result with the lines of counts (EMF or counts-only) written to stdout
 * meanwhile (other output passes through).
 */
export async function captureEmf<T>(run: () => Promise<T> | T): Promise<{ result: T; emf: EmfLine[] }> {
  const emf: EmfLine[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (isCountsLine(text)) {
      for (const line of text.split('\n').filter(isCountsLine)) emf.push(JSON.parse(line));
      return true;
    }
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write);
  try {
    return { result: await run(), emf };
  } finally {
    spy.mockRestore();
  }
}
