/**
 * How a figure grew against the load: its ratio over the load's ratio (1: linear). Figures too small
 * to say anything (under `floor` at the baseline: a few requests, a few hundred milliseconds) get no
 * verdict.
 */
export function growth(
  base: number,
  big: number,
  loadRatio: number,
  floor: number,
): { ratio: number; verdict: string } {
  const ratio = base > 0 ? big / base : big > 0 ? Number.POSITIVE_INFINITY : 1;
  if (base < floor) return { ratio, verdict: 'too small to tell' };
  const relative = ratio / loadRatio;
  const verdict =
    relative <= 1.25
      ? relative < 0.5
        ? 'sublinear'
        : 'linear'
      : `${relative.toFixed(1)}× faster than linear`;
  return { ratio, verdict };
}
