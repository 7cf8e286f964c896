import { loadConfig } from '#shared/config.js';
import { createCalendarHandler } from '#shared/events/calendar-http.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * GET /calendar.ics and /calendar/<id>.ics on the deployed HTTP API, as the local stack answers
 * them (shared/events/calendar-http.ts): iCalendar feeds of events, filtered by query parameters.
 * It reads the search snapshot and the store; it reads no secret and writes nothing.
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-calendar', config.logLevel));

export const handler = createCalendarHandler(runtime);
