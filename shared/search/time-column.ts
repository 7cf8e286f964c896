/**
 * A column of ISO 8601 times (publication dates, events' ends) kept as epoch milliseconds, NaN for
 * none (''), the strings rebuilt when a hit is shown. Kept as strings beside their numbers they
 * were ~0.45 MB of a loaded index of 10,000 resources (5 % of it; issue 19's memory budget).
 * Stored times are normalised (`toISOString`), so they come back as they were; any other string
 * is kept as it is, so every value reads back unchanged.
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
    readonly ms: Float64Array,
    /** The values not rebuilt from their numbers, by document. */
    private readonly verbatim: ReadonlyMap<number, string>,
  ) {}

  static of(values: readonly string[]): TimeColumn {
    const ms = new Float64Array(values.length);
    const verbatim = new Map<number, string>();
    values.forEach((value, n) => {
      const t = value === '' ? Number.NaN : Date.parse(value);
      ms[n] = t;
      if (!isPlain(value, t)) verbatim.set(n, value);
    });
    return new TimeColumn(ms, verbatim);
  }

  /** `a`'s values at the numbers `renumber` gives them (-1: dropped), then `b`'s from `kept` on. */
  static merge(a: TimeColumn, renumber: Int32Array, kept: number, b: TimeColumn): TimeColumn {
    const ms = new Float64Array(kept + b.length);
    const verbatim = new Map<number, string>();
    for (let d = 0; d < renumber.length; d++) {
      const to = renumber[d] as number;
      if (to < 0) continue;
      ms[to] = a.ms[d] as number;
      const value = a.verbatim.get(d);
      if (value !== undefined) verbatim.set(to, value);
    }
    ms.set(b.ms, kept);
    for (const [d, value] of b.verbatim) verbatim.set(kept + d, value);
    return new TimeColumn(ms, verbatim);
  }

  get length(): number {
    return this.ms.length;
  }

  at(n: number): string {
    const value = this.verbatim.get(n);
    if (value !== undefined) return value;
    const ms = this.ms[n] as number;
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
    const a = this.ms[x] as number;
    const b = this.ms[y] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
