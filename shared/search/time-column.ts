/**
 * A column of ISO 8601 times (publication dates, events' ends) kept as epoch milliseconds, NaN for
 * none (''), the strings rebuilt when a hit is shown. Kept as strings beside their numbers they
 * were ~0.45 MB of a loaded index of 10,000 resources (5 % of it; issue 19's memory budget).
 * Stored times are normalised (`toISOString`), so they come back as they were; any other string
 * is kept as it is, so every value reads back unchanged. A sparse column (events' ends: most
 * resources are not events) keeps only the documents that have a time.
 */

/** Times `toISOString` writes with a four-digit year: their strings sort as their numbers. */
const EARLIEST_PLAIN_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST_PLAIN_MS = Date.parse('9999-12-31T23:59:59.999Z');

function isPlain(value: string, ms: number): boolean {
  if (Number.isNaN(ms)) return value === '';
  return ms >= EARLIEST_PLAIN_MS && ms <= LATEST_PLAIN_MS && new Date(ms).toISOString() === value;
}

export class TimeColumn {
  private constructor(
    readonly length: number,
    /** Every document's time (dense), or undefined when `sparse` holds them. */
    private readonly dense: Float64Array | undefined,
    /** The times of the documents that have one (sparse). */
    private readonly sparse: Map<number, number> | undefined,
    /** The values not rebuilt from their numbers, by document. */
    private readonly verbatim: ReadonlyMap<number, string>,
  ) {}

  static of(values: readonly string[], options: { sparse?: boolean } = {}): TimeColumn {
    const dense = options.sparse ? undefined : new Float64Array(values.length);
    const sparse = options.sparse ? new Map<number, number>() : undefined;
    const verbatim = new Map<number, string>();
    values.forEach((value, n) => {
      const t = value === '' ? Number.NaN : Date.parse(value);
      if (dense) dense[n] = t;
      else if (!Number.isNaN(t)) sparse?.set(n, t);
      if (!isPlain(value, t)) verbatim.set(n, value);
    });
    return new TimeColumn(values.length, dense, sparse, verbatim);
  }

  /** `a`'s values at the numbers `renumber` gives them (-1: dropped), then `b`'s from `kept` on. */
  static merge(a: TimeColumn, renumber: Int32Array, kept: number, b: TimeColumn): TimeColumn {
    const length = kept + b.length;
    const dense = a.dense ? new Float64Array(length) : undefined;
    const sparse = a.dense ? undefined : new Map<number, number>();
    const verbatim = new Map<number, string>();
    const put = (to: number, from: TimeColumn, d: number) => {
      const ms = from.msAt(d);
      if (dense) dense[to] = ms;
      else if (!Number.isNaN(ms)) sparse?.set(to, ms);
      const value = from.verbatim.get(d);
      if (value !== undefined) verbatim.set(to, value);
    };
    for (let d = 0; d < renumber.length; d++)
      if ((renumber[d] as number) >= 0) put(renumber[d] as number, a, d);
    for (let d = 0; d < b.length; d++) put(kept + d, b, d);
    return new TimeColumn(length, dense, sparse, verbatim);
  }

  /** Document n's time, epoch ms; NaN for none. */
  msAt(n: number): number {
    if (this.dense) return this.dense[n] as number;
    return this.sparse?.get(n) ?? Number.NaN;
  }

  at(n: number): string {
    const value = this.verbatim.get(n);
    if (value !== undefined) return value;
    const ms = this.msAt(n);
    return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  }

  values(): string[] {
    return Array.from({ length: this.length }, (_, n) => this.at(n));
  }

  /** Documents x's and y's values compared as strings are (for plain values: '' first, then by time). */
  compare(x: number, y: number): -1 | 0 | 1 {
    if (this.verbatim.size > 0 && (this.verbatim.has(x) || this.verbatim.has(y))) {
      const a = this.at(x);
      const b = this.at(y);
      return a < b ? -1 : a > b ? 1 : 0;
    }
    const a = this.msAt(x);
    const b = this.msAt(y);
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
