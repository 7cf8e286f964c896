import { vi } from 'vitest';

/** One CloudWatch Embedded Metric Format line, as Powertools Metrics writes it to stdout. */
export interface EmfLine {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

/** Runs `run` and returns its result with the EMF lines written to stdout meanwhile (other output passes through). */
export async function captureEmf<T>(run: () => Promise<T> | T): Promise<{ result: T; emf: EmfLine[] }> {
  const emf: EmfLine[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.includes('"_aws"')) {
      for (const line of text.split('\n').filter((l) => l.includes('"_aws"'))) emf.push(JSON.parse(line));
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
