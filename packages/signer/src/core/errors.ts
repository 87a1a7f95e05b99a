export type SignerErrorCode =
  | 'InvalidCredentials'
  | 'InvalidScope'
  | 'InvalidUrl'
  | 'InvalidMethod'
  | 'InvalidHeader'
  | 'InvalidBodyHash'
  | 'InvalidDate'
  | 'InvalidExpires'
  | 'UnhashableBody';

/**
 * Thrown (as a rejected promise) for input that cannot be signed. Messages say what is wrong and
 * never contain a secret access key or a session token.
 */
export class SignerError extends Error {
  readonly code: SignerErrorCode;

  constructor(code: SignerErrorCode, message: string) {
    super(message);
    this.name = 'SignerError';
    this.code = code;
  }
}

export const fail = (code: SignerErrorCode, message: string): never => {
  throw new SignerError(code, message);
};
