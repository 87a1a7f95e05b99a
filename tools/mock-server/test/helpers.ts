// Shared test plumbing: the real bundled spec, fixtures, a started mock and a signed fetch.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { signRequest } from '@volc-openapi/signer';
import {
  MOCK_CREDENTIALS,
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from '../src/index.ts';

export type Json = { [key: string]: unknown };

const require = createRequire(import.meta.url);

export const REAL_SPEC_PATH = require.resolve('@volc-openapi/vms-spec/openapi.json');
export const STS_SPEC_PATH = require.resolve('@volc-openapi/sts-spec/openapi.json');

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
}

export function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

export const realSpec = (): Json => readJson(REAL_SPEC_PATH);
export const stsSpec = (): Json => readJson(STS_SPEC_PATH);
export const formSpec = (): Json => readJson(fixturePath('form-spec.json'));

export const REQUEST_ID = /^\d{17}[0-9A-F]{15}$/;

export interface SignOptions {
  /** false: send unsigned. */
  sign?: boolean;
  date?: Date;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  service?: string;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: Json;
}

/** Signs (unless told not to) and sends one request to the mock, returning the parsed answer. */
export async function call(
  server: RunningMockServer,
  path: string,
  init: RequestInit = {},
  options: SignOptions = {},
): Promise<CallResult> {
  let request = new Request(server.url + path, init);
  if (options.sign !== false) {
    request = await signRequest(request, {
      credentials: {
        accessKeyId: options.accessKeyId ?? MOCK_CREDENTIALS.accessKeyId,
        secretAccessKey: options.secretAccessKey ?? MOCK_CREDENTIALS.secretAccessKey,
        ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
      },
      region: options.region ?? 'cn-beijing',
      service: options.service ?? 'vms',
      ...(options.date ? { date: options.date } : {}),
    });
  }
  const response = await fetch(request);
  const text = await response.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    // Malformed-answer scenarios send text that is not JSON on purpose.
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const postForm = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body,
});

/** `ResponseMetadata` of an answer. */
export const metadata = (answer: CallResult): Json => (answer.json.ResponseMetadata ?? {}) as Json;

/** `ResponseMetadata.Error` of an answer. */
export const errorOf = (answer: CallResult): Json => (metadata(answer).Error ?? {}) as Json;

export async function start(
  spec: Json,
  options: Partial<StartMockServerOptions> = {},
): Promise<RunningMockServer> {
  return startMockServer({ spec, ...options });
}

// --- Reading request examples straight from a spec document, so tests iterate the spec. ---

function deref(document: Json, node: unknown): Json {
  let current = node as Json;
  while (typeof current?.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Json>((into, part) => into[part.replaceAll('~1', '/').replaceAll('~0', '~')] as Json, document);
  }
  return current;
}

export interface SpecOperation {
  pathKey: string;
  action: string;
  version: string;
  method: 'GET' | 'POST';
  /** The documented first success answer. */
  successExample: Json;
  /** A request built from the operation's examples. */
  init: RequestInit;
  /** The path with example query parameters appended. */
  path: string;
}

function firstExample(document: Json, media: Json | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const [first] = Object.values((media.examples ?? {}) as Json);
  return first === undefined ? undefined : deref(document, first).value;
}

/** Form encoding as the runtime does it: lists comma-joined, objects as JSON text. */
export function encodeForm(input: Json): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      form.append(name, value.some((v) => typeof v === 'object') ? JSON.stringify(value) : value.join(','));
    } else if (typeof value === 'object') form.append(name, JSON.stringify(value));
    else form.append(name, String(value));
  }
  return form.toString();
}

/** Every operation of a document with a request built from its examples. */
export function specOperations(document: Json): SpecOperation[] {
  return Object.entries(document.paths as Json).map(([pathKey, item]) => {
    const [, action = '', version = ''] = /Action=(\w+)&Version=([\d-]+)/.exec(pathKey) ?? [];
    const pathItem = item as Json;
    const method = pathItem.get ? 'GET' : 'POST';
    const operation = deref(document, method === 'GET' ? pathItem.get : pathItem.post);
    const query = new URLSearchParams();
    for (const node of (operation.parameters ?? []) as unknown[]) {
      const parameter = deref(document, node);
      if (parameter.in !== 'query') continue;
      const schema = deref(document, parameter.schema);
      const value = parameter.example ?? (schema.examples as unknown[] | undefined)?.[0];
      if (value !== undefined)
        query.append(String(parameter.name), Array.isArray(value) ? value.join(',') : String(value));
    }
    let init: RequestInit = { method };
    if (operation.requestBody) {
      const content = deref(document, operation.requestBody).content as Json;
      const [mediaType = 'application/json', media] = Object.entries(content)[0] ?? [];
      const example = (firstExample(document, media as Json) ?? {}) as Json;
      if (mediaType === 'application/x-www-form-urlencoded') init = postForm(encodeForm(example));
      else if (mediaType === 'multipart/form-data') {
        const form = new FormData();
        for (const [name, value] of Object.entries(example)) form.append(name, String(value));
        init = { method: 'POST', body: form };
      } else init = postJson(example);
    }
    const ok = deref(document, (operation.responses as Json)['200']);
    const successExample = firstExample(document, (ok.content as Json)['application/json'] as Json) as Json;
    const suffix = query.size ? `&${query}` : '';
    return { pathKey, action, version, method, successExample, init, path: `${pathKey}${suffix}` };
  });
}
