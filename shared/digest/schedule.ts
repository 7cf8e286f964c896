import type { RelayConfig } from '../config.js';
import type { Frequency } from './model.js';

/**
 * Digest periods. A daily digest's period is a UTC day (`D2025-03-04`); a weekly digest's is the
 * week that starts on the configured weekday at 00:00 UTC (`W2025-03-03`). A subscriber is due when
 * its `nextDueAt` (the start of the next period) has passed; one digest per (subscriber, period).
 */

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export type Weekday = RelayConfig['email']['weeklyDigestDay'];

function startOfUtcDay(at: Date): number {
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
}

/** The start (epoch ms) of the period containing `at`. */
export function periodStart(frequency: Frequency, at: Date, weekday: Weekday): number {
  const day = startOfUtcDay(at);
  if (frequency === 'daily') return day;
  const back = (new Date(day).getUTCDay() - WEEKDAYS.indexOf(weekday) + 7) % 7;
  return day - back * DAY_MS;
}

/** The period key: what a digest claim is keyed by. */
export function periodOf(frequency: Frequency, at: Date, weekday: Weekday): string {
  const start = new Date(periodStart(frequency, at, weekday)).toISOString().slice(0, 10);
  return `${frequency === 'daily' ? 'D' : 'W'}${start}`;
}

/** The start of the period after the one containing `at`: when the next digest falls due. */
export function nextDueAt(frequency: Frequency, at: Date, weekday: Weekday): string {
  const step = frequency === 'daily' ? DAY_MS : 7 * DAY_MS;
  return new Date(periodStart(frequency, at, weekday) + step).toISOString();
}
