/**
 * One base class for the relay's errors. Each subclass carries a stable `code` that logs and
 * callers can switch on, a plain `message` fit for a user, and the underlying `cause` for the logs.
 */
export class RelayError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RelayError';
    this.code = code;
  }
}

/** The environment or a flag is missing or malformed; the message names the variable. */
export class ConfigError extends RelayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', message, options);
    this.name = 'ConfigError';
  }
}

/** A conditional write lost: the item already exists or changed under us. */
export class ConditionFailedError extends RelayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('condition_failed', message, options);
    this.name = 'ConditionFailedError';
  }
}

/** The store could not be reached or refused the request. */
export class StoreError extends RelayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store_unavailable', message, options);
    this.name = 'StoreError';
  }
}

/** A short description of any thrown value, for logs and summaries. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
