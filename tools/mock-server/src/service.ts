// One service the mock serves: its model and everything built from it (route table, validators,
// state rules), and how a request finds its service from the credential scope it is signed with.
import type { IncomingHttpHeaders } from 'node:http';
import { createRouter, type Router } from './routing.ts';
import type { MockSpec } from './spec.ts';
import { createState, type Issuer, type MockState, readStateRules, type StateRules } from './state.ts';
import { createValidators, type OperationValidators } from './validation.ts';

export interface MockService {
  spec: MockSpec;
  router: Router;
  validators: OperationValidators;
  /** Regions a credential scope may name for this service. */
  regions: readonly string[];
  rules: StateRules;
  state: MockState;
}

export function createMockService(
  spec: MockSpec,
  options: { rules?: StateRules; extraRegions: readonly string[]; issue?: Issuer },
): MockService {
  const rules = options.rules ?? readStateRules(spec.document);
  return {
    spec,
    router: createRouter(spec),
    validators: createValidators(spec),
    regions: [...new Set([spec.signing.region, ...options.extraRegions])],
    rules,
    state: createState(rules, options.issue),
  };
}

/** What a request says about its signature before it is checked. */
export interface CredentialScope {
  /** An Authorization header or presign query parameters were sent. */
  signed: boolean;
  /** The scope's region and service, when the credential could be read. */
  region?: string;
  service?: string;
}

const CREDENTIAL = /(?:^|[\s,])Credential=([^,\s]+)/;

/**
 * The credential scope of a request: `Authorization: HMAC-SHA256 Credential=AK/date/region/service/request, ...`
 * or, for a presigned URL, the `X-Credential` query parameter.
 */
export function credentialScope(headers: IncomingHttpHeaders, search: URLSearchParams): CredentialScope {
  const authorization = headers.authorization;
  const signed = authorization !== undefined || search.has('X-Signature') || search.has('X-Credential');
  const credential =
    authorization !== undefined
      ? CREDENTIAL.exec(authorization)?.[1]
      : (search.get('X-Credential') ?? undefined);
  const parts = credential?.split('/') ?? [];
  if (parts.length !== 5 || parts[4] !== 'request' || !parts[2] || !parts[3]) return { signed };
  return { signed, region: parts[2], service: parts[3] };
}

/** The session token a request carries: the `X-Security-Token` header, or the query's for a presigned URL. */
export function securityToken(headers: IncomingHttpHeaders, search: URLSearchParams): string | undefined {
  const header = headers['x-security-token'];
  if (typeof header === 'string') return header;
  return search.get('X-Security-Token') ?? undefined;
}
