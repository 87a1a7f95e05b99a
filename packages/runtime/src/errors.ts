import type { RpcErrorBody } from './types.ts';

/**
 * What kind of failure an {@link RpcError} is:
 * - `api`: the service answered with the Volcengine error envelope (any HTTP status, 200 included);
 * - `unexpected-response`: an answer that is not the envelope (HTML from a proxy, empty, truncated);
 * - `network`: no answer (connection refused or reset, DNS, TLS);
 * - `timeout`: an attempt or the whole call took longer than allowed;
 * - `aborted`: the caller's `AbortSignal` fired.
 *
 * The first two are returned as `error` of the result; the last three are thrown.
 */
export type RpcErrorKind = 'api' | 'unexpected-response' | 'network' | 'timeout' | 'aborted';

/** Fields of an {@link RpcError}, as it is built. */
export interface RpcErrorInit<TCode extends string = string> {
  kind: RpcErrorKind;
  status?: number;
  Code: TCode | (string & {});
  CodeN?: number;
  Message: string;
  RequestId?: string;
  Action?: string;
  Version?: string;
  Service?: string;
  Region?: string;
  attempts?: number;
  cause?: unknown;
}

/**
 * The one error shape of every generated client. It carries the envelope fields flat (`Code`, `CodeN`,
 * `Message`, `RequestId`, `Action`, `Version`), the HTTP `status`, the failure `kind` and the number
 * of `attempts`, and keeps the `ResponseMetadata` envelope so code written against the envelope keeps
 * working. Its message never contains a secret key, session token or signature.
 */
export class RpcError<TCode extends string = string> extends Error {
  declare readonly kind: RpcErrorKind;
  /** HTTP status of the answer; undefined when there was none. */
  declare readonly status: number | undefined;
  declare readonly Code: TCode | (string & {});
  declare readonly CodeN: number | undefined;
  declare readonly Message: string;
  declare readonly RequestId: string | undefined;
  declare readonly Action: string | undefined;
  declare readonly Version: string | undefined;
  /** How many attempts were made before giving up. */
  declare attempts: number;
  /** The envelope as the service sent it (built alike for the kinds without an answer). */
  declare readonly ResponseMetadata: RpcErrorBody<TCode>['ResponseMetadata'];

  constructor(init: RpcErrorInit<TCode>) {
    const { cause, Service, Region, ...fields } = init;
    super(`${init.Code}: ${init.Message}`, { cause });
    const { Code, CodeN, Message, RequestId, Action, Version } = init;
    Object.assign(this, { name: 'RpcError', attempts: 1, status: undefined, CodeN: undefined, ...fields });
    Object.assign(this, {
      ResponseMetadata: { RequestId, Action, Version, Service, Region, Error: { Code, CodeN, Message } },
    });
  }
}

/** True for an {@link RpcError}, also one from another copy of this package. */
export const isRpcError = (value: unknown): value is RpcError =>
  value instanceof Error && value.name === 'RpcError' && 'kind' in value;

/**
 * Credentials could not be had: none found, a config file or profile that is wrong (named with its
 * file and entry), or an STS exchange that failed (named with its role, the STS error as `cause`).
 * Its message never contains a secret key or session token.
 */
export class CredentialsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CredentialsError';
  }
}

/** True for a {@link CredentialsError}, also one from another copy of this package. */
export const isCredentialsError = (value: unknown): value is CredentialsError =>
  value instanceof Error && value.name === 'CredentialsError';
