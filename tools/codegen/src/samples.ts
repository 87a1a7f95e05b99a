// Code samples for the docs, generated from each operation: the facade call, the raw openapi-fetch
// call and a curl command signed for real with a demo key pair, so every number on the page can be
// recomputed by anyone (the docs tests do it with @volc-openapi/signer).

import {
  encodeRfc3986,
  payloadSha256,
  type SigningSteps,
  signingSteps,
} from '@volc-openapi/signing-reference';
import type { Operation, SigningTarget } from '@volc-openapi/spec-model';
import { formFields } from './contract-wire.ts';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface SampleOptions {
  /** Package that exports the client factory, e.g. `@volc-openapi/vms`. */
  clientPackage: string;
  /** Name of the client factory, e.g. `createVmsClient`. */
  factory: string;
}

/**
 * Labels of the three samples. Redoc 3 shows an `x-codeSamples` entry only when its label matches a
 * language of `openapi.codeSamples.languages` in redocly.yaml, so these must stay equal to those.
 */
export const SAMPLE_LABELS = { facade: 'TypeScript (client)', curl: 'curl', raw: 'openapi-fetch' } as const;

/**
 * The demo key pair and clock every signed example uses. They are valid nowhere; they only make the
 * examples reproducible.
 */
export const DEMO_SIGNING = {
  accessKeyId: 'AKLTZG9jcy1leGFtcGxlLWtleQ',
  secretAccessKey: 'docs-example-secret-do-not-use',
  xDate: '20250528T033931Z',
} as const;

/** Boundary of the multipart bodies the samples spell out, so their hash is fixed. */
const MULTIPART_BOUNDARY = 'RpcDocsBoundary7MA4YWxkTrZu0gW';

const MEDIA_TYPES: Record<Operation['encoding'], string | undefined> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  multipart: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
  query: undefined,
};

/** A string as a single-quoted TypeScript literal. */
const quote = (text: string) => `'${JSON.stringify(text).slice(1, -1).replaceAll("'", "\\'")}'`;

/** A JSON value as a TypeScript literal, two-space indented from `indent`, keys unquoted where they can be. */
function literal(value: unknown, indent = ''): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length
      ? `[\n${value.map((item) => inner + literal(item, inner)).join(',\n')}\n${indent}]`
      : '[]';
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));
  return `{\n${entries.map(([name, item]) => `${inner}${key(name)}: ${literal(item, inner)}`).join(',\n')}\n${indent}}`;
}

/** `createVmsClient` → `vms`: the variable the samples call the client by. */
export function clientVariable(options: SampleOptions): string {
  const core = /^create(\w+?)Client$/.exec(options.factory)?.[1];
  return core ? core.charAt(0).toLowerCase() + core.slice(1) : 'client';
}

function clientPreamble(options: SampleOptions, extraImports: string[] = []): string[] {
  return [
    `import { ${[options.factory, ...extraImports].join(', ')} } from '${options.clientPackage}';`,
    '',
    '// Credentials come from VOLC_ACCESSKEY / VOLC_SECRETKEY (or ~/.volc/config); pass `credentials` to override.',
    `const ${clientVariable(options)} = ${options.factory}();`,
    '',
  ];
}

/** The facade method's argument: the request example, or nothing for an Action without input. */
const input = (operation: Operation) =>
  operation.encoding === 'query' && Object.keys(operation.requestExample).length === 0
    ? ''
    : literal(operation.requestExample);

/** The facade call a reader copies: one method named after the Action, with typed errors. */
export function facadeSample(operation: Operation, options: SampleOptions): string {
  const client = clientVariable(options);
  const lines = [
    ...clientPreamble(options),
    `const { data, error } = await ${client}.${operation.operationId}(${input(operation)});`,
    'if (error) {',
    '  // error.Code is one of the codes documented for this Action (or any other string the service sends).',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this is the sample's own template literal
    '  console.error(`${error.Code} (HTTP ${error.status}): ${error.Message}, RequestId ${error.RequestId}`);',
    '} else {',
    '  console.log(data.Result);',
    '}',
  ];
  if (operation.pagination) {
    lines.push(
      '',
      `// Every ${operation.pagination.items} entry, page after page (a failed page throws its RpcError):`,
      `for await (const item of ${client}.paginate.${operation.operationId}(${input(operation)})) {`,
      '  console.log(item);',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The providers of `@volc-openapi/credentials` the docs show, each as the expression that makes it. */
const CREDENTIAL_PROVIDERS = {
  fromAssumeRole: [
    '// Temporary keys of a role, asked for with long-term source keys.',
    'fromAssumeRole({',
    "  roleTrn: 'trn:iam::2000012345:role/ci-deployer',",
    "  source: { accessKeyId: 'AKLTmockaccesskey', secretAccessKey: 'mock-secret-key' }, // `pnpm mock`'s demo keys",
    "  sts: { endpoint: 'http://127.0.0.1:4010' }, // leave out for STS itself",
    '})',
  ],
  fromOidc: [
    '// Temporary keys for an OIDC token (in a cluster: `tokenFile`, read again at each refresh); sent unsigned.',
    'fromOidc({',
    "  roleTrn: 'trn:iam::2000012345:role/pod',",
    "  token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl',",
    "  sts: { endpoint: 'http://127.0.0.1:4010' },",
    '})',
  ],
  fromProfile: [
    '// The profile `deploy` of ~/.volcengine/config.json, e.g. { "role-trn": "trn:iam::…", "source-profile": "base" }.',
    "fromProfile({ profile: 'deploy', sts: { endpoint: 'http://127.0.0.1:4010' } })",
  ],
  defaultChain: [
    '// Environment → OIDC → profile → ~/.volc/config, the first that has keys.',
    "defaultChain({ sts: { endpoint: 'http://127.0.0.1:4010' } })",
  ],
} as const;

/**
 * One program per provider of `@volc-openapi/credentials`: the client with keys from it, calling
 * `operation` against `pnpm mock` (whose STS issues working temporary keys).
 */
export function credentialsSamples(
  operation: Operation,
  options: SampleOptions,
): Record<keyof typeof CREDENTIAL_PROVIDERS, string> {
  const client = clientVariable(options);
  const program = (provider: keyof typeof CREDENTIAL_PROVIDERS) => {
    const [comment, ...expression] = CREDENTIAL_PROVIDERS[provider];
    return [
      `import { ${provider} } from '@volc-openapi/credentials';`,
      `import { ${options.factory} } from '${options.clientPackage}';`,
      '',
      comment,
      `const credentials = ${expression.join('\n')};`,
      `const ${client} = ${options.factory}({ endpoint: 'http://127.0.0.1:4010', credentials });`,
      `const { data, error } = await ${client}.${operation.operationId}(${input(operation)});`,
      'console.log(error ?? data.Result);',
      '',
    ].join('\n');
  };
  return {
    fromAssumeRole: program('fromAssumeRole'),
    fromOidc: program('fromOidc'),
    fromProfile: program('fromProfile'),
    defaultChain: program('defaultChain'),
  };
}

/**
 * What the raw sample adds for bodies that are not JSON. A form needs only its Content-Type: the raw
 * client writes form bodies (lists and objects included) as the spec declares. A multipart body is
 * built with the client's own encoder and declared field styles; fetch writes its boundary.
 */
const RAW_SERIALIZERS: Partial<Record<Operation['encoding'], { imports: string[]; lines: string[] }>> = {
  form: {
    imports: [],
    lines: [
      '  // A form body: openapi-fetch would send JSON unless told otherwise.',
      "  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },",
    ],
  },
  multipart: {
    imports: ['encodeMultipart', 'fieldStyles'],
    lines: [
      '  // A multipart body: fetch writes the boundary, the client signs the exact bytes.',
      '  bodySerializer: (body) => encodeMultipart(body, fieldStyles),',
    ],
  },
};

/** The same call through the raw, fully typed openapi-fetch client. */
export function rawSample(operation: Operation, options: SampleOptions): string {
  const client = clientVariable(options);
  const call = `const { data, error } = await ${client}.raw.${operation.method}('${operation.pathKey}'`;
  const init =
    operation.encoding === 'query'
      ? [`  params: { query: ${literal(operation.requestExample, '  ')} },`]
      : [
          `  body: ${literal(operation.requestExample, '  ')},`,
          ...(RAW_SERIALIZERS[operation.encoding]?.lines ?? []),
        ];
  const withoutInput = operation.encoding === 'query' && Object.keys(operation.requestExample).length === 0;
  return [
    ...clientPreamble(options, RAW_SERIALIZERS[operation.encoding]?.imports),
    ...(withoutInput ? [`${call});`] : [`${call}, {`, ...init, '});']),
    '// `error` is the error envelope, whatever the HTTP status (some business errors come with 200).',
    'if (error) {',
    '  const { Code, Message } = error.ResponseMetadata.Error;',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this is the sample's own template literal
    '  console.error(`${Code}: ${Message}, RequestId ${error.ResponseMetadata.RequestId}`);',
    '} else {',
    '  console.log(data.Result);',
    '}',
    '',
  ].join('\n');
}

/** The exact request the samples send: method, URL, the content type if any, and the body bytes. */
export interface WireRequest {
  method: 'GET' | 'POST';
  url: string;
  host: string;
  pathAndQuery: string;
  contentType?: string;
  body?: string;
}

export function wireRequest(operation: Operation, signing: SigningTarget): WireRequest {
  const query =
    operation.encoding === 'query'
      ? formFields(operation.requestExample, operation.query)
          .map(([name, value]) => `&${encodeRfc3986(name)}=${encodeRfc3986(value)}`)
          .join('')
      : '';
  const url = new URL(`${signing.endpoint.replace(/\/$/, '')}${operation.pathKey}${query}`);
  let body: string | undefined;
  if (operation.encoding === 'json') body = JSON.stringify(operation.requestExample);
  else if (operation.encoding === 'form')
    body = new URLSearchParams(formFields(operation.requestExample, operation.body?.fields ?? [])).toString();
  else if (operation.encoding === 'multipart') {
    body = formFields(operation.requestExample, operation.body?.fields ?? [])
      .map(
        ([name, value]) =>
          `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('')
      .concat(`--${MULTIPART_BOUNDARY}--\r\n`);
  }
  const contentType = MEDIA_TYPES[operation.encoding];
  return {
    method: operation.method,
    url: url.href,
    host: url.host,
    pathAndQuery: `${url.pathname}${url.search}`,
    ...(contentType ? { contentType } : {}),
    ...(body === undefined ? {} : { body }),
  };
}

/** Every intermediate value of Volcengine's HMAC-SHA256 signature of one request. */
export interface SigningWalkthrough extends SigningSteps {
  request: WireRequest;
  accessKeyId: string;
  secretAccessKey: string;
  xDate: string;
  region: string;
  service: string;
  bodySha256: string;
}

/**
 * Signs a request step by step with the reference algorithm (@volc-openapi/signing-reference,
 * independent of @volc-openapi/signer), keeping every intermediate value for the docs (the docs tests
 * check the result against the signer).
 */
export function signingWalkthrough(
  request: WireRequest,
  signing: SigningTarget,
  keys: { accessKeyId: string; secretAccessKey: string; xDate: string } = DEMO_SIGNING,
): SigningWalkthrough {
  const bodySha256 = payloadSha256(request.body ?? '');
  const steps = signingSteps({
    method: request.method,
    url: request.url,
    headers: {
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
      'x-content-sha256': bodySha256,
      'x-date': keys.xDate,
    },
    payloadSha256: bodySha256,
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    region: signing.region,
    service: signing.service,
    xDate: keys.xDate,
  });
  return { request, ...keys, region: signing.region, service: signing.service, bodySha256, ...steps };
}

/** Single-quotes a string for a POSIX shell. */
const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
/** ANSI-C quoting (`$'...'`), for bodies with CR LF line ends. */
const ansiQuote = (text: string) =>
  `$'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\r', '\\r').replaceAll('\n', '\\n')}'`;

/**
 * curl with every signing header filled in: the request is signed with the demo key pair at the demo
 * date, so the values are real and reproducible (a live call needs your own key and the current time).
 */
export function curlSample(operation: Operation, signing: SigningTarget): string {
  const walk = signingWalkthrough(wireRequest(operation, signing), signing);
  const { request } = walk;
  const lines = [
    `# Signed with the demo key ${DEMO_SIGNING.accessKeyId} at X-Date ${DEMO_SIGNING.xDate}: use your own key and the current UTC time.`,
    `curl -X ${request.method} ${shellQuote(request.url)}`,
  ];
  if (request.contentType) lines.push(`  -H ${shellQuote(`Content-Type: ${request.contentType}`)}`);
  lines.push(`  -H ${shellQuote(`X-Date: ${walk.xDate}`)}`);
  lines.push(`  -H ${shellQuote(`X-Content-Sha256: ${walk.bodySha256}`)}`);
  lines.push(`  -H ${shellQuote(`Authorization: ${walk.authorization}`)}`);
  if (request.body !== undefined) {
    lines.push(
      operation.encoding === 'multipart'
        ? `  --data-binary ${ansiQuote(request.body)}`
        : `  --data-raw ${shellQuote(request.body)}`,
    );
  }
  const [comment, ...command] = lines;
  return `${comment}\n${command.join(' \\\n')}\n`;
}

/** The three samples of one operation, in the order the docs offer them. */
export function codeSamples(
  operation: Operation,
  signing: SigningTarget,
  options: SampleOptions,
): CodeSample[] {
  return [
    { lang: 'TypeScript', label: SAMPLE_LABELS.facade, source: facadeSample(operation, options) },
    { lang: 'curl', label: SAMPLE_LABELS.curl, source: curlSample(operation, signing) },
    { lang: 'JavaScript', label: SAMPLE_LABELS.raw, source: rawSample(operation, options) },
  ];
}
