/**
 * The typed arrays of one search (its match lists: ids, scores, term masks), cut from buffers kept
 * from one search to the next. Allocated one by one they were a large part of a search: a typed
 * array of a few kB costs microseconds to allocate off the JS heap and more to collect, one of
 * 100,000 scores tens of microseconds (fresh pages from the system), and a search makes a hundred
 * of them. Arrays cut from an arena are valid until the search that cut them returns (`during`);
 * outside a search every array is allocated as before.
 */
export class Arena {
  private readonly chunks: ArrayBuffer[] = [];
  private chunk = 0;
  private offset = 0;

  /**
   * `keep`: bytes of buffers kept between searches (buffers are made that size, up to
   * CHUNK_BYTES); a search that needs more gets more, let go when it returns.
   */
  constructor(
    private readonly keep: number,
    private readonly chunkBytes = Math.min(CHUNK_BYTES, keep),
  ) {}

  /** Runs one search with its arrays cut from this arena: they are reused once it returns. */
  during<T>(work: () => T): T {
    // Inside a search on the same arena: its arrays live until the outer one returns.
    if (current === this) return work();
    const outer = current;
    current = this;
    try {
      return work();
    } finally {
      current = outer;
      this.reset();
    }
  }

  /** The buffer `take` cut from, and where. */
  buffer: ArrayBuffer = new ArrayBuffer(0);
  at = 0;

  /** Cuts `bytes` (a multiple of 8): from `buffer` at `at`. */
  take(bytes: number): void {
    for (;;) {
      let buffer = this.chunks[this.chunk];
      if (!buffer) {
        buffer = new ArrayBuffer(Math.max(this.chunkBytes, bytes));
        this.chunks.push(buffer);
      }
      if (this.offset + bytes <= buffer.byteLength) {
        this.buffer = buffer;
        this.at = this.offset;
        this.offset += bytes;
        return;
      }
      this.chunk += 1;
      this.offset = 0;
    }
  }

  /** Bytes of buffers held now. */
  held(): number {
    return this.chunks.reduce((sum, c) => sum + c.byteLength, 0);
  }

  private reset(): void {
    this.chunk = 0;
    this.offset = 0;
    let kept = 0;
    let k = 0;
    while (k < this.chunks.length && kept + (this.chunks[k] as ArrayBuffer).byteLength <= this.keep) {
      kept += (this.chunks[k] as ArrayBuffer).byteLength;
      k += 1;
    }
    this.chunks.length = k;
  }
}

/**
 * Bytes a buffer is made with (a larger array gets one of its own): up to about this size a buffer
 * costs microseconds; from 512 kB on the system maps fresh pages for it, ten times as much.
 */
const CHUNK_BYTES = 256 * 1024;

/** What an arena keeps at least. */
export const ARENA_MIN_BYTES = 32 * 1024;

/** The arena of the search running now, if any. */
let current: Arena | undefined;

/** Arrays this small live on the JS heap and cost little: not worth an arena's bookkeeping. */
const SMALL = 64;

/**
 * A zeroed Float64Array: from the running search's arena, or new. `zeroed` false: an array whose
 * every element read is written first (an arena's buffer holds an earlier search's values).
 */
export function float64s(n: number, zeroed = true): Float64Array {
  if (!current || n * 8 <= SMALL) return new Float64Array(n);
  current.take(n * 8);
  const out = new Float64Array(current.buffer, current.at, n);
  return zeroed ? out.fill(0) : out;
}

/** A zeroed Uint32Array (as `float64s`). */
export function uint32s(n: number, zeroed = true): Uint32Array {
  if (!current || n * 4 <= SMALL) return new Uint32Array(n);
  current.take((n * 4 + 7) & ~7);
  const out = new Uint32Array(current.buffer, current.at, n);
  return zeroed ? out.fill(0) : out;
}

/** A zeroed Int32Array (as `float64s`). */
export function int32s(n: number, zeroed = true): Int32Array {
  if (!current || n * 4 <= SMALL) return new Int32Array(n);
  current.take((n * 4 + 7) & ~7);
  const out = new Int32Array(current.buffer, current.at, n);
  return zeroed ? out.fill(0) : out;
}

/** A zeroed Uint8Array (as `float64s`). */
export function uint8s(n: number, zeroed = true): Uint8Array {
  if (!current || n <= SMALL) return new Uint8Array(n);
  current.take((n + 7) & ~7);
  const out = new Uint8Array(current.buffer, current.at, n);
  return zeroed ? out.fill(0) : out;
}
