// Temporary credentials the mock issues (as STS AssumeRole does) and accepts afterwards on every
// service it serves: an AKTP… key with its secret and session token, refused once expired or when the
// token sent with it is not its own.
import { randomBytes } from 'node:crypto';

/** One issued set, in the shape of STS's `Result.Credentials`. */
export interface IssuedCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** RFC 3339 with the +08:00 offset the service answers with. */
  CurrentTime: string;
  ExpiredTime: string;
}

export interface SessionStore {
  /** Issues a set valid for `lifetimeSeconds` from `now`. */
  issue(lifetimeSeconds: number, now: Date): IssuedCredentials;
  /** The secret of an issued key, expired or not (so its signature can be checked first). */
  secretOf(accessKeyId: string): string | undefined;
  /**
   * Why a signed request may not use this key with this session token at `now`; undefined when it may.
   * An issued key must come with its own token, before it expires; a long-term key with none.
   */
  refusal(accessKeyId: string, sessionToken: string | undefined, now: Date): string | undefined;
  /** Forgets every issued set. */
  reset(): void;
}

interface Session {
  secret: string;
  token: string;
  expiresAt: number;
}

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/** `2026-12-07T18:21:27+08:00`: the form of the one real AssumeRole answer on record. */
export function chinaTime(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  const owners = new Map<string, string>();
  return {
    issue(lifetimeSeconds, now) {
      const accessKeyId = `AKTP${random(30)}`;
      const issued: IssuedCredentials = {
        AccessKeyId: accessKeyId,
        SecretAccessKey: random(30),
        SessionToken: `STS2${random(48)}`,
        CurrentTime: chinaTime(now),
        // Whole seconds, as the wire form carries no fraction.
        ExpiredTime: chinaTime(new Date(Math.floor(now.getTime() / 1000) * 1000 + lifetimeSeconds * 1000)),
      };
      sessions.set(accessKeyId, {
        secret: issued.SecretAccessKey,
        token: issued.SessionToken,
        expiresAt: Date.parse(issued.ExpiredTime),
      });
      owners.set(issued.SessionToken, accessKeyId);
      return issued;
    },
    secretOf: (accessKeyId) => sessions.get(accessKeyId)?.secret,
    refusal(accessKeyId, sessionToken, now) {
      const session = sessions.get(accessKeyId);
      if (!session) {
        if (sessionToken === undefined) return undefined;
        const owner = owners.get(sessionToken);
        return owner === undefined
          ? `The security token is not valid: access key ${accessKeyId} is a long-term key, which takes none.`
          : `The security token belongs to the temporary access key ${owner}, not to ${accessKeyId}.`;
      }
      if (sessionToken === undefined)
        return `The temporary access key ${accessKeyId} was sent without its security token (X-Security-Token).`;
      if (sessionToken !== session.token)
        return `The security token does not belong to the temporary access key ${accessKeyId}.`;
      if (now.getTime() >= session.expiresAt)
        return `The security token of access key ${accessKeyId} expired at ${chinaTime(new Date(session.expiresAt))}.`;
      return undefined;
    },
    reset() {
      sessions.clear();
      owners.clear();
    },
  };
}
