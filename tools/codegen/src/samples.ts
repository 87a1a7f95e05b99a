import { createHash } from 'node:crypto';
import type { JsonObject, RpcOperation, SigningDoc } from './spec.ts';

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

/** A fixed example date, so generated samples are stable between builds. */
const SAMPLE_DATE = '20250528T033931Z';

function literal(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:')
    .replaceAll('"', "'");
}

function clientPreamble(options: SampleOptions): string {
  return [
    `import { ${options.factory} } from '${options.clientPackage}';`,
    '',
    `const client = ${options.factory}({`,
    "  credentials: { accessKeyId: process.env.VOLC_ACCESSKEY ?? '', secretAccessKey: process.env.VOLC_SECRETKEY ?? '' },",
    '});',
  ].join('\n');
}

/** The facade call a reader copies: one method named after the Action. */
export function facadeSample(operation: RpcOperation, options: SampleOptions): string {
  return [
    clientPreamble(options),
    `const { data, error } = await client.${operation.operationId}(${literal(operation.requestExample)});`,
    'if (error) {',
    '  const { Code, Message } = error.ResponseMetadata.Error;',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this is the sample's own template literal
    '  throw new Error(`${Code}: ${Message} (request ${error.ResponseMetadata.RequestId})`);',
    '}',
    'console.log(data.Result);',
    '',
  ].join('\n');
}

/** The same call through the raw, fully typed openapi-fetch client. */
export function rawSample(operation: RpcOperation, options: SampleOptions): string {
  const init =
    operation.encoding === 'query'
      ? `{ params: { query: ${literal(operation.requestExample)} } }`
      : `{ body: ${literal(operation.requestExample)} }`;
  return [
    clientPreamble(options),
    `const { data, error } = await client.raw.${operation.method}('${operation.path}', ${init});`,
    'console.log(data ?? error);',
    '',
  ].join('\n');
}

function wireBody(operation: RpcOperation): string | undefined {
  if (operation.encoding === 'json') return JSON.stringify(operation.requestExample);
  if (operation.encoding === 'form') {
    return new URLSearchParams(
      Object.entries(operation.requestExample).map(([name, value]) => [name, String(value)]),
    ).toString();
  }
  return undefined;
}

function wireQuery(example: JsonObject): string {
  return Object.entries(example)
    .map(([name, value]) => `&${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('');
}

/** curl with every header the signature needs; the signature itself is left for the reader's keys. */
export function curlSample(operation: RpcOperation, signing: SigningDoc): string {
  const body = wireBody(operation);
  const query = operation.encoding === 'query' ? wireQuery(operation.requestExample) : '';
  const contentType =
    operation.encoding === 'json'
      ? 'application/json'
      : operation.encoding === 'form'
        ? 'application/x-www-form-urlencoded'
        : '';
  const bodyHash = createHash('sha256')
    .update(body ?? '')
    .digest('hex');
  const signed = contentType ? 'content-type;host;x-content-sha256;x-date' : 'host;x-content-sha256;x-date';
  const scope = `${SAMPLE_DATE.slice(0, 8)}/${signing.region}/${signing.service}/request`;
  const lines = [`curl -X ${operation.method} '${signing.endpoint}${operation.path}${query}'`];
  if (contentType) lines.push(`  -H 'Content-Type: ${contentType}'`);
  lines.push(`  -H 'X-Date: ${SAMPLE_DATE}'`);
  lines.push(`  -H 'X-Content-Sha256: ${bodyHash}'`);
  lines.push(
    `  -H 'Authorization: HMAC-SHA256 Credential=<AccessKeyId>/${scope}, SignedHeaders=${signed}, Signature=<hex signature>'`,
  );
  if (body !== undefined) lines.push(`  --data '${body.replaceAll("'", "'\\''")}'`);
  if (operation.encoding === 'multipart') {
    for (const [name, value] of Object.entries(operation.requestExample)) {
      lines.push(`  -F '${name}=${String(value).replaceAll("'", "'\\''")}'`);
    }
  }
  return `${lines.join(' \\\n')}\n`;
}

export function codeSamples(
  operation: RpcOperation,
  signing: SigningDoc,
  options: SampleOptions,
): CodeSample[] {
  return [
    { lang: 'TypeScript', label: 'TypeScript', source: facadeSample(operation, options) },
    { lang: 'curl', label: 'curl', source: curlSample(operation, signing) },
    { lang: 'JavaScript', label: 'openapi-fetch', source: rawSample(operation, options) },
  ];
}
