import { InvalidArgumentError } from 'commander';
import { timeZoneOrProblem } from '#shared/events/zone-name.js';

/** --tz: an IANA zone, refused with the closest ones when unknown (`--tz bogota` → America/Bogota?). */
export function timeZoneOption(value: string): string {
  const read = timeZoneOrProblem(value);
  if ('problem' in read) throw new InvalidArgumentError(read.problem);
  return read.zone;
}

/** This machine's zone (TZ, else the system's): a date typed at a terminal means its owner's day. */
export const machineTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
