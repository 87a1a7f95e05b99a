// Opt-in logging. The transport hands raw facts (Headers included) to a LogSink; `createLogger` is
// the sink that filters by level and removes secrets before anything reaches a logger. It lives in
// its own module so clients that do not log do not carry it.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Anything with the four console methods; `console` itself fits. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * What a client logs through. `fields` may hold unredacted headers (`headers`) and `secrets` lists the
 * secret key and session token in use: a sink must redact both; use {@link createLogger}.
 */
export type LogSink = (
  level: Exclude<LogLevel, 'off'>,
  message: string,
  fields: Record<string, unknown>,
  secrets: (string | undefined)[],
) => void;

const RANK = { debug: 0, info: 1, warn: 2, error: 3, off: 4 } as const;

/** Header names whose values are secret or carry a secret-derived value. */
const SECRET_HEADERS = /^(authorization|x-security-token|cookie|set-cookie)$/i;

/** Headers for a log line: the signature and session token replaced by `<redacted>`; the AccessKey id stays. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers instanceof Headers ? headers : Object.entries(headers)) {
    out[name] = !SECRET_HEADERS.test(name)
      ? value
      : /^authorization$/i.test(name)
        ? value.replace(/Signature=[^,\s]*/, 'Signature=<redacted>')
        : '<redacted>';
  }
  return out;
}

export interface LoggerOptions {
  /** Lowest level written; default `info`. */
  level?: LogLevel;
  /** Where lines go; default `console`. */
  logger?: Logger;
}

/**
 * A log sink for a client's `logger` option: lines at or above `level` go to `logger` as
 * `(message, fields)`. Headers are redacted (Authorization's signature, X-Security-Token, cookies),
 * and, as a last guard, every line is scrubbed of the secret key and session token in use and of any
 * `Signature=` value, so a secret that slipped into a message or field never reaches the logger.
 */
export function createLogger(options: LoggerOptions = {}): LogSink {
  const threshold = RANK[options.level ?? 'info'];
  const sink = options.logger ?? console;
  return (level, message, fields, secrets) => {
    if (RANK[level] < threshold) return;
    let line = JSON.stringify([message, fields], (key, value: unknown) =>
      value instanceof Headers || (key === 'headers' && typeof value === 'object' && value)
        ? redactHeaders(value as Record<string, string>)
        : value,
    ).replace(/Signature=[0-9a-f]+/gi, 'Signature=<redacted>');
    for (const secret of secrets)
      if (secret) line = line.split(JSON.stringify(secret).slice(1, -1)).join('<redacted>');
    const [text, clean] = JSON.parse(line) as [string, Record<string, unknown>];
    sink[level](text, clean);
  };
}
