/**
 * Drives the official @volcengine/openapi Signer (1.36.2) on the same canonical inputs as this package.
 *
 * The official signer signs every header it is given except authorization, content-type, content-length,
 * user-agent, presigned-expires and expect; it adds X-Date and X-Security-Token itself, but neither Host
 * nor (for empty bodies) X-Content-Sha256. So it is fed: the query as a params object (repeated names as
 * arrays), the URL path, and exactly the header set this package signs — Host (as we normalise it),
 * X-Content-Sha256 (which it then also uses as the payload hash, sidestepping its Buffer-body defect) and the
 * caller's extra signed headers. Content-Type cannot be fed (it is never signed there), so comparisons only
 * cover requests whose signed set has no Content-Type.
 */
import { createRequire } from 'node:module';

interface OfficialSigner {
  addAuthorization(
    credentials: { accessKeyId: string; secretKey: string; sessionToken?: string },
    date?: Date,
  ): void;
  getSignUrl(
    credentials: { accessKeyId: string; secretKey: string; sessionToken?: string },
    date?: Date,
  ): string;
  request: { headers: Record<string, string> };
}

type OfficialSignerClass = new (
  request: {
    region: string;
    method: string;
    pathname: string;
    params: Record<string, string | string[]>;
    headers: Record<string, string>;
    body?: string;
  },
  service: string,
  options?: { bodySha256?: string },
) => OfficialSigner;

const require = createRequire(import.meta.url);
export const OfficialSigner = (
  require('@volcengine/openapi/lib/base/sign') as { default: OfficialSignerClass }
).default;

export interface OfficialInput {
  method: string;
  url: string;
  /** Extra signed headers, as given by the caller (any case). */
  headers: Record<string, string>;
  payloadHash: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  service: string;
  date: Date;
}

export const officialAuthorization = (input: OfficialInput): string => {
  const url = new URL(input.url);
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    // Own properties only: a name like "valueOf" must not find Object.prototype's.
    const seen = Object.hasOwn(params, name) ? params[name] : undefined;
    params[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const signer = new OfficialSigner(
    {
      region: input.region,
      method: input.method,
      pathname: url.pathname,
      params,
      headers: {
        Host: url.host.replace(/:(80|443)$/, ''),
        'X-Content-Sha256': input.payloadHash,
        ...input.headers,
      },
    },
    input.service,
  );
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
  signer.addAuthorization({ accessKeyId, secretKey: secretAccessKey, sessionToken }, input.date);
  return signer.request.headers.Authorization as string;
};

/**
 * Whether the official Node signer signs a query name the way the other official SDKs (and this repo)
 * do. Three names meet its own defects and are left out of comparisons: an empty name, which it drops;
 * `__proto__`, which it also loses; and an integer-like name ("0", "12"), which it puts before every
 * other name. The last two because it rebuilds the sorted parameters as a plain JS object, whose integer
 * keys always iterate first.
 */
export const officialSignsName = (name: string): boolean =>
  name !== '' && name !== '__proto__' && !/^(0|[1-9]\d*)$/.test(name);
