import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The narrow logger that core code takes: a short message plus a data object with consistent keys
 * (`feedUrl`, `partnerId`, `channelId`, ...). Powertools' Logger satisfies it in the Lambdas; the
 * local stack and the CLI use the readable console logger below.
 */
export interface Log {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Structured JSON logs for a Lambda function (CloudWatch Logs Insights friendly). */
export function createLambdaLog(serviceName: string, level: LogLevel): Log {
  const logger = new Logger({
    serviceName,
    logLevel: (level === 'silent' ? 'SILENT' : level.toUpperCase()) as 'INFO',
  });
  return {
    debug: (message, data) => logger.debug(message, data ?? {}),
    info: (message, data) => logger.info(message, data ?? {}),
    warn: (message, data) => logger.warn(message, data ?? {}),
    error: (message, data) => logger.error(message, data ?? {}),
  };
}

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string') return /\s|"/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** Readable one-line logs for the local stack and the CLI: `12:00:01 INFO  ingest done new=3`. */
export function createConsoleLog(
  level: LogLevel,
  options: { scope?: string; write?: (line: string) => void } = {},
): Log {
  const threshold = LEVELS[level];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (lvl: Exclude<LogLevel, 'silent'>, message: string, data?: Record<string, unknown>) => {
    if (LEVELS[lvl] < threshold) return;
    const time = new Date().toISOString().slice(11, 19);
    const scope = options.scope ? `[${options.scope}] ` : '';
    const fields = Object.entries(data ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join(' ');
    write(`${time} ${lvl.toUpperCase().padEnd(5)} ${scope}${message}${fields ? ` ${fields}` : ''}`);
  };
  return {
    debug: (m, d) => emit('debug', m, d),
    info: (m, d) => emit('info', m, d),
    warn: (m, d) => emit('warn', m, d),
    error: (m, d) => emit('error', m, d),
  };
}

/** A logger that drops everything: for tests and benchmarks that assert on results, not logs. */
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };
