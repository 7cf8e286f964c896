/** The current time, injected so that schedules, TTLs and dates can be tested at a fixed instant. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return () => new Date(at);
}
