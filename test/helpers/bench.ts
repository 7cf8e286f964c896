/**
 * The bench smoke (CI: `IASPN_BENCH_SMOKE=1 vitest bench --run`) runs every benchmark once, over
 * small inputs, so that a broken bench fails CI without CI paying for the measurements. Benches
 * pass `benchOptions` to `bench()` and size their inputs and sample loops with `benchSize`.
 */
export const BENCH_SMOKE = process.env.IASPN_BENCH_SMOKE === '1';

/** tinybench options: one iteration and no warm-up in the smoke, the defaults otherwise. */
export const benchOptions = BENCH_SMOKE ? { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 } : {};

/** `full` in a real run, `smoke` in the smoke. */
export const benchSize = (full: number, smoke: number): number => (BENCH_SMOKE ? smoke : full);
