// The docs spec: the bundled spec plus everything the reference site shows beyond it — a guide
// (quick start, endpoint, signing with a worked example, envelope and errors), a changelog, and on
// every operation its request line, facts, error-code table and code samples. All of it is derived
// from the spec, the changesets of the spec package and a fixed demo key; nothing is written by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  deref,
  isObject,
  type JsonObject,
  type Operation,
  type SigningTarget,
} from '@volc-openapi/spec-model';
import { renderPreview } from './docs-preview.ts';
import {
  codeSamples,
  credentialsSamples,
  DEMO_SIGNING,
  facadeSample,
  rawSample,
  type SampleOptions,
  type SigningWalkthrough,
  signingWalkthrough,
  wireRequest,
} from './samples.ts';

/** A pending `.changeset/*.md` entry that names the package. */
export interface PendingChange {
  file: string;
  bump: string;
  summary: string;
}

/** What the changelog page is made of. */
export interface ChangelogSource {
  packageName: string;
  /** `version` of the package's package.json. */
  version?: string;
  /** CHANGELOG.md as `changeset version` writes it; absent before the first release. */
  released?: string;
  pending: PendingChange[];
}

export interface DocsOptions extends SampleOptions {
  changelog?: ChangelogSource;
  /** The service's Postman collection, as a link from its page (the docs build writes it beside it). */
  postman?: { collection: string; environment: string };
}

export interface DocsOutput {
  /** The bundled spec with the guide, the changelog and per-operation additions, ready for `redocly build-docs`. */
  docsSpec: JsonObject;
  /** TypeScript sample files by name, type-checked against the generated client so they cannot rot. */
  sampleFiles: Record<string, string>;
  /** Each operation's static preview (HTML), by its section id (`<tag>/<operationid>`). */
  previews: Record<string, string>;
}

/** Tags of the guide pages, in reading order; they must not clash with the spec's own tags. */
export const GUIDE_TAGS = {
  quickStart: 'quick-start',
  endpoint: 'endpoint',
  signing: 'signing',
  credentials: 'credentials',
  errors: 'responses-and-errors',
  changelog: 'changelog',
} as const;

/** Frontmatter `"name": bump` lines of a changeset file, and its body. */
function parseChangeset(text: string): { packages: Map<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  const packages = new Map<string, string>();
  if (!match) return { packages, body: text.trim() };
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const entry = /^\s*(["']?)([^"':\s][^"']*?)\1\s*:\s*(\w+)\s*$/.exec(line);
    if (entry) packages.set(entry[2] as string, entry[3] as string);
  }
  return { packages, body: (match[2] ?? '').trim() };
}

/** The nearest `.changeset` folder at or above `from`. */
function findChangesetDir(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.changeset'))) return join(dir, '.changeset');
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads a package's release history: its CHANGELOG.md (once `changeset version` has run) and the
 * pending changesets of the workspace that name it.
 */
export function readChangelog(packageDir: string): ChangelogSource {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as JsonObject;
  const packageName = String(manifest.name);
  const changelogPath = join(packageDir, 'CHANGELOG.md');
  const changesetDir = findChangesetDir(packageDir);
  const pending: PendingChange[] = [];
  if (changesetDir) {
    for (const file of readdirSync(changesetDir).sort()) {
      if (!file.endsWith('.md') || file.toLowerCase() === 'readme.md') continue;
      const { packages, body } = parseChangeset(readFileSync(join(changesetDir, file), 'utf8'));
      const bump = packages.get(packageName);
      if (bump) pending.push({ file: basename(file), bump, summary: body });
    }
  }
  return {
    packageName,
    ...(typeof manifest.version === 'string' ? { version: manifest.version } : {}),
    ...(existsSync(changelogPath) ? { released: readFileSync(changelogPath, 'utf8') } : {}),
    pending,
  };
}

/** A table cell: no line breaks, pipes escaped. */
const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|')
    .trim();
const code = (text: string) => `\`${text}\``;
const fence = (lang: string, text: string) => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text.replace(/\n$/, '')}\n${ticks}`;
};
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
/** A code name that may wrap between its words in a narrow table column (`Missing<wbr>Parameter`). */
const breakable = (name: string) => name.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '<wbr>');

const ENCODING_NAMES: Record<Operation['encoding'], string> = {
  json: 'JSON body (`application/json`)',
  form: 'form body (`application/x-www-form-urlencoded`)',
  multipart: 'multipart body (`multipart/form-data`)',
  query: 'query string, no body',
};

/** The deep link of an operation on the Redoc 3 site: `#/<tag>/<operationid>`. */
export const operationLink = (operation: Operation) =>
  `#/${operation.tags[0] ?? 'other'}/${operation.operationId.toLowerCase()}`;

/** The raw operation object of the docs spec. */
function operationNode(spec: JsonObject, operation: Operation): JsonObject {
  const pathItem = deref(spec, (spec.paths as JsonObject)[operation.pathKey]);
  return deref(spec, pathItem[operation.method.toLowerCase()]);
}

interface ErrorExample {
  status: string;
  name: string;
  value: JsonObject;
}

/** The error envelopes an operation documents, with their status, in document order. */
function errorExamples(spec: JsonObject, node: JsonObject): ErrorExample[] {
  const found: ErrorExample[] = [];
  for (const [status, response] of Object.entries(isObject(node.responses) ? node.responses : {})) {
    const content = deref(spec, response).content;
    const media = isObject(content) ? content['application/json'] : undefined;
    for (const [name, example] of Object.entries(
      isObject(media) && isObject(media.examples) ? media.examples : {},
    )) {
      const value = deref(spec, example).value;
      if (isObject(value) && isObject(value.ResponseMetadata) && isObject(value.ResponseMetadata.Error))
        found.push({ status, name, value });
    }
  }
  return found;
}

/**
 * Extra words for the site search, which matches the starts of words: Chinese runs have no spaces, so
 * every tail of each run becomes a word of its own (`获取可用语音资源` also as `语音资源`, `资源`), and a
 * camel-case Action name is split (`QueryUsableResourceV2` also as `Usable`, `Resource`).
 */
export function searchTerms(operation: Pick<Operation, 'action' | 'titleZh'>): string[] {
  const terms = new Set<string>();
  for (const [run] of (operation.titleZh ?? '').matchAll(/\p{Script=Han}+/gu)) {
    const chars = Array.from(run);
    for (let start = 0; start < chars.length - 1; start++) terms.add(chars.slice(start).join(''));
  }
  const words = operation.action.split(/(?<=[a-z0-9])(?=[A-Z])/);
  if (words.length > 1) for (const word of words) terms.add(word);
  return [...terms];
}

/** What the docs add to one operation's description. */
function operationMarkdown(
  operation: Operation,
  node: JsonObject,
  byId: Map<string, Operation>,
  signing: SigningTarget,
): string {
  const out: string[] = [];
  const replacementId = node['x-volc-replaced-by'];
  if (operation.deprecated) {
    const replacement = typeof replacementId === 'string' ? byId.get(replacementId) : undefined;
    out.push(
      replacement
        ? `> **Deprecated.** Use [${replacement.operationId}](${operationLink(replacement)}) (${cell(replacement.summary)}) instead.`
        : '> **Deprecated.** This Action is kept for existing callers only.',
    );
  }
  const request = wireRequest(operation, signing);
  const head = [`${operation.method} ${operation.pathKey}`, `Host: ${request.host}`];
  if (request.contentType) head.push(`Content-Type: ${request.contentType.replace(/;.*/, '')}`);
  out.push(fence('http', head.join('\n')));

  const facts = [
    `- **Action / Version:** ${code(operation.action)} / ${code(operation.version)}`,
    `- **Input:** ${ENCODING_NAMES[operation.encoding]}`,
    `- **Idempotent:** ${
      operation.idempotent
        ? 'yes: a repeat has the same effect, so the client retries it on transient failures'
        : 'no: the client does not retry it unless a call opts in'
    }`,
  ];
  if (operation.titleZh) facts.push(`- **Vendor title (中文):** ${operation.titleZh}`);
  const docs = isObject(node.externalDocs) ? node.externalDocs : undefined;
  if (docs && typeof docs.url === 'string')
    facts.push(`- **Vendor page:** [${cell(docs.description ?? docs.url)}](${docs.url})`);
  if (operation.deprecated)
    facts.push(
      `- **Deprecated:** yes${typeof replacementId === 'string' ? `, replaced by ${code(replacementId)}` : ''}`,
    );
  const paging = isObject(node['x-volc-pagination']) ? node['x-volc-pagination'] : undefined;
  if (paging) {
    facts.push(
      paging.style === 'cursor'
        ? `- **Paging:** by cursor: send ${code(String(paging.cursor))}, read the next one from ${code(`Result.${paging.nextCursor}`)}; items in ${code(`Result.${paging.items}`)}`
        : `- **Paging:** by offset: ${code(String(paging.offset))} and ${code(String(paging.limit))} in, items in ${code(`Result.${paging.items}`)}${paging.total ? `, total in ${code(`Result.${paging.total}`)}` : ''}`,
    );
  }
  const variants = Array.isArray(node['x-volc-wire-variants'])
    ? node['x-volc-wire-variants'].filter(isObject)
    : [];
  if (variants.length) {
    const basis =
      typeof node['x-volc-method-basis'] === 'string'
        ? ` (this page follows ${node['x-volc-method-basis']})`
        : '';
    facts.push(`- **Other wire forms seen in the sources**${basis}:`);
    for (const variant of variants) {
      facts.push(
        `  - ${cell(variant.source)}: ${code(`${String(variant.method ?? '')} ${String(variant.encoding ?? '')}`.trim())}${variant.note ? `, ${cell(variant.note)}` : ''}`,
      );
    }
  }
  out.push(facts.join('\n'));
  if (operation.description) out.push(operation.description);

  if (operation.errors.length) {
    const rows = operation.errors.map(
      (error) =>
        `| ${breakable(error.code)} | ${error.status === 200 ? '**200** (error in the body)' : error.status} | ${error.codeN ?? ''} | ${cell(error.summary)} |`,
    );
    const inBody = operation.errors.filter((error) => error.status === 200).length;
    out.push(
      [
        '#### Error codes',
        '',
        inBody
          ? `${plural(inBody, 'code')} below ${inBody === 1 ? 'arrives' : 'arrive'} with HTTP 200: check \`ResponseMetadata.Error\`, not only the status.`
          : 'Every error below arrives with the HTTP status shown.',
        '',
        '| Code | HTTP | CodeN | Meaning |',
        '| --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  }
  // An HTML comment: invisible on the page, but the search index reads the description's text.
  const terms = searchTerms(operation);
  if (terms.length) out.push(`<!-- search: ${terms.join(' ')} -->`);
  return `${out.join('\n\n')}\n`;
}

/** `Name | type | required | description` rows of an object schema. */
function fieldRows(spec: JsonObject, schema: JsonObject | undefined): string[] {
  if (!schema || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties).map(([name, node]) => {
    const refName = isObject(node) && typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined;
    const property = deref(spec, node);
    const type = refName ?? (typeof property.type === 'string' ? property.type : 'object');
    return `| ${code(name)} | ${type} | ${required.has(name) ? 'yes' : 'no'} | ${cell(property.description)} |`;
  });
}

/** A property of a schema, following references; for a `oneOf`, the first variant that has it. */
function propertyOf(spec: JsonObject, node: unknown, name: string): JsonObject | undefined {
  if (node === undefined) return undefined;
  const schema = deref(spec, node);
  if (isObject(schema.properties) && schema.properties[name] !== undefined)
    return deref(spec, schema.properties[name]);
  for (const variant of Array.isArray(schema.oneOf) ? schema.oneOf : []) {
    const found = propertyOf(spec, variant, name);
    if (found) return found;
  }
  return undefined;
}

function mediaSchema(spec: JsonObject, response: unknown): unknown {
  if (response === undefined) return undefined;
  const content = deref(spec, response).content;
  const media = isObject(content) ? content['application/json'] : undefined;
  return isObject(media) ? media.schema : undefined;
}

/** The operation the guide uses as its example: a plain, current one with an input. */
function pickExample(operations: Operation[], prefer: (operation: Operation) => boolean): Operation {
  const current = operations.filter((operation) => !operation.deprecated);
  return (
    current.find((operation) => prefer(operation) && Object.keys(operation.requestExample).length > 0) ??
    current.find(prefer) ??
    current[0] ??
    (operations[0] as Operation)
  );
}

function quickStartPage(example: Operation, signing: SigningTarget, options: DocsOptions): string {
  return [
    `The client package ${code(options.clientPackage)} is generated from this description. Every Action is a method of the same name that takes the Action's input, signs the exact bytes it sends and resolves to \`{ data, error }\`; errors, including those delivered with HTTP 200, come back as values with a typed \`Code\`.`,
    '### 1. Install',
    fence('sh', `npm install ${options.clientPackage}`),
    '### 2. Provide an AccessKey pair',
    'Set `VOLC_ACCESSKEY` and `VOLC_SECRETKEY` (and `VOLC_SESSION_TOKEN` for temporary keys) in the environment, or pass `credentials` to the factory.',
    `### 3. Call an Action: ${example.operationId}`,
    fence('ts', facadeSample(example, options)),
    `The endpoint defaults to ${code(signing.endpoint)} and the signing region to ${code(signing.region)}; both are options of ${code(`${options.factory}()`)}. The same call through the raw openapi-fetch client:`,
    fence('ts', rawSample(example, options)),
    `### 4. Find the Action you need`,
    'Each operation page shows its request line, input encoding, idempotency, error codes and three ready samples: the client call (as above), the raw openapi-fetch call and a signed curl command. Search (Ctrl+K) finds an Action by its name, by its Chinese vendor title or by a parameter name.',
    '### 5. Try it without code',
    [
      "Each operation's **Try it** button opens a console that signs the request in this page and sends it to `pnpm mock` (or any endpoint you choose).",
      options.postman
        ? `In Postman or Apifox, import [the Postman collection](${options.postman.collection}) and [its environment](${options.postman.environment}) (Import → Files), fill in \`accessKeyId\` and \`secretAccessKey\` in the environment (the mock's demo pair is \`AKLTmockaccesskey\` / \`mock-secret-key\`) and choose it: the collection's script signs every request, with one request per Action and the examples of this page.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  ].join('\n\n');
}

function credentialsPage(example: Operation, options: SampleOptions): string {
  return [
    'Every request is signed with an AccessKey pair; temporary keys (an `AKTP…` key, its secret and a session token) also send the token as `X-Security-Token`. Where the client finds its keys:',
    [
      '| Source | How |',
      '| --- | --- |',
      `| Given in code | \`${options.factory}({ credentials: { accessKeyId, secretAccessKey, sessionToken? } })\`, or any provider function; never commit real keys |`,
      '| Nothing given (Node) | `VOLC_ACCESSKEY`, `VOLC_SECRETKEY` (and `VOLC_SESSION_TOKEN`), then `~/.volc/config`; in browsers there is no default |',
      '| A role (CI) | `fromAssumeRole({ roleTrn, source })` from `@volc-openapi/credentials`: STS AssumeRole, signed with the source keys |',
      '| A cluster (OIDC) | `fromOidc({ roleTrn, tokenFile })`: STS AssumeRoleWithOIDC, sent unsigned; the token file is read again at each refresh |',
      "| A laptop (profiles) | `fromProfile()`: the official CLI's `~/.volcengine/config.json`; `VOLC_PROFILE` selects a profile, which may name a role and a source profile |",
      '| All of them, in order | `defaultChain()`: environment → OIDC (when `VOLCENGINE_OIDC_ROLE_TRN` and `VOLCENGINE_OIDC_TOKEN_FILE` are set) → profile → `~/.volc/config` |',
    ].join('\n'),
    'Temporary keys are refreshed shortly before they expire, one refresh shared by concurrent calls and by every client given the same provider; a failed refresh keeps the valid keys and tries again later, and expired keys are never used. A refusal by STS is a `CredentialsError` that names the role, never a secret. Each provider against `pnpm mock`, whose STS issues working keys:',
    ...Object.entries(credentialsSamples(example, options)).flatMap(([provider, sample]) => [
      `#### ${provider}`,
      fence('ts', sample),
    ]),
    'The package README (`packages/credentials/README.md`) shows every provider against the mock, the profile file format and the sources it follows.',
  ].join('\n\n');
}

function endpointPage(spec: JsonObject, operations: Operation[], signing: SigningTarget): string {
  const servers = (Array.isArray(spec.servers) ? spec.servers : []).filter(isObject);
  const count = (predicate: (operation: Operation) => boolean) => operations.filter(predicate).length;
  const versions = [...new Set(operations.map((operation) => operation.version))].sort().reverse();
  const encodings = (Object.keys(ENCODING_NAMES) as Operation['encoding'][]).filter((encoding) =>
    count((operation) => operation.encoding === encoding),
  );
  return [
    'Every Action is a call to the root path of one host, named by two query parameters: `Action` (the operation) and `Version` (the date of its contract). The pair is the whole address: there are no resource paths.',
    [
      '| Base URL | Notes |',
      '| --- | --- |',
      ...servers.map((server) => `| ${code(String(server.url))} | ${cell(server.description)} |`),
    ].join('\n'),
    `Requests are signed for service ${code(signing.service)} in region ${code(signing.region)}: those two names go into the credential scope of every signature (see [Signing requests](#/${GUIDE_TAGS.signing})).`,
    '### Versions',
    [
      '| Version | Actions |',
      '| --- | --- |',
      ...versions.map(
        (version) => `| ${code(version)} | ${count((operation) => operation.version === version)} |`,
      ),
    ].join('\n'),
    '### How input travels',
    [
      '| Input | Actions |',
      '| --- | --- |',
      ...encodings.map(
        (encoding) =>
          `| ${ENCODING_NAMES[encoding]} | ${count((operation) => operation.encoding === encoding)} |`,
      ),
    ].join('\n'),
    `Of the ${plural(operations.length, 'operation')} described here, ${count((operation) => operation.idempotent)} are idempotent (safe to repeat; the client retries them on transient failures) and ${count((operation) => operation.deprecated)} are deprecated, each naming its successor.`,
  ].join('\n\n');
}

function walkthroughMarkdown(walk: SigningWalkthrough, example: Operation): string {
  const { request } = walk;
  const sent = [
    `${request.method} ${request.pathAndQuery} HTTP/1.1`,
    `Host: ${request.host}`,
    ...(request.contentType ? [`Content-Type: ${request.contentType}`] : []),
    `X-Date: ${walk.xDate}`,
  ];
  const body = request.body === undefined ? '' : `\n\n${request.body}`;
  return [
    `The values below are computed when this site is built, for a real request of this API (${code(example.operationId)} with its documented example), signed with a demo key pair that works nowhere. Any correct signer gets the same numbers; the site's tests check them against ${code('@volc-openapi/signer')}.`,
    [
      '| Input | Value |',
      '| --- | --- |',
      `| AccessKeyId | ${code(walk.accessKeyId)} |`,
      `| SecretAccessKey | ${code(walk.secretAccessKey)} |`,
      `| X-Date | ${code(walk.xDate)} |`,
      `| Region / service | ${code(walk.region)} / ${code(walk.service)} |`,
    ].join('\n'),
    '**The request to sign**',
    fence('http', `${sent.join('\n')}${body}`),
    `**Step 1: hash the body.** SHA-256 of the exact body bytes (of the empty string when there is no body), lowercase hex; it is also sent as \`X-Content-Sha256\`:`,
    fence('text', walk.bodySha256),
    '**Step 2: the canonical request.** Method, path, sorted query, one `name:value` line per signed header, a blank line, the signed header names and the body hash:',
    fence('text', walk.canonicalRequest),
    'Its SHA-256:',
    fence('text', walk.canonicalRequestSha256),
    `**Step 3: the credential scope.** ${code(walk.credentialScope)}`,
    '**Step 4: the string to sign.** The algorithm, the X-Date, the scope and the hash of the canonical request:',
    fence('text', walk.stringToSign),
    '**Step 5: the signing key.** HMAC-SHA256 chained from the secret key (no prefix) over the date, the region, the service and the word `request`:',
    [
      '| Key | Computed as | Value (hex) |',
      '| --- | --- | --- |',
      `| kDate | HMAC(SecretAccessKey, ${code(walk.xDate.slice(0, 8))}) | ${code(walk.signingKeys.date)} |`,
      `| kRegion | HMAC(kDate, ${code(walk.region)}) | ${code(walk.signingKeys.region)} |`,
      `| kService | HMAC(kRegion, ${code(walk.service)}) | ${code(walk.signingKeys.service)} |`,
      `| kSigning | HMAC(kService, ${code('request')}) | ${code(walk.signingKeys.request)} |`,
    ].join('\n'),
    '**Step 6: the signature.** Hex HMAC-SHA256 of the string to sign under kSigning:',
    fence('text', walk.signature),
    '**Step 7: the Authorization header.**',
    fence('text', `Authorization: ${walk.authorization}`),
    '**The signed request as sent**',
    fence(
      'http',
      `${[...sent, `X-Content-Sha256: ${walk.bodySha256}`, `Authorization: ${walk.authorization}`].join('\n')}${body}`,
    ),
  ].join('\n\n');
}

function signingPage(spec: JsonObject, walk: SigningWalkthrough, example: Operation): string {
  const components = isObject(spec.components) ? spec.components : {};
  const schemes = isObject(components.securitySchemes) ? Object.values(components.securitySchemes) : [];
  // The scheme that documents the signature (the platform's HMAC-SHA256 scheme).
  const scheme = schemes
    .map((node) => deref(spec, node))
    .find((node) => typeof node.description === 'string');
  const rules = typeof scheme?.description === 'string' ? scheme.description.trim() : '';
  return [
    rules,
    '### Worked example',
    walkthroughMarkdown(walk, example),
    `Every curl sample on the operation pages is signed the same way with the same demo key, so its \`X-Content-Sha256\` and \`Authorization\` are real values you can reproduce; a live call needs your own key and the current time.`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

function errorsPage(
  spec: JsonObject,
  operations: Operation[],
  nodes: Map<Operation, JsonObject>,
  example: Operation,
): string {
  const exampleNode = nodes.get(example) as JsonObject;
  const responses = isObject(exampleNode.responses) ? exampleNode.responses : {};
  const metadata = propertyOf(spec, mediaSchema(spec, responses['200']), 'ResponseMetadata');
  const errorStatus = Object.keys(responses).find((status) => /^[45]/.test(status));
  const errorMetadata = propertyOf(
    spec,
    mediaSchema(spec, errorStatus ? responses[errorStatus] : undefined),
    'ResponseMetadata',
  );
  const errorDetail = errorMetadata ? propertyOf(spec, errorMetadata, 'Error') : undefined;

  const allErrors = operations.flatMap((operation) =>
    errorExamples(spec, nodes.get(operation) as JsonObject).map((found) => ({ operation, ...found })),
  );
  const firstFailure = allErrors.find((found) => found.status !== '200');
  const inBody = allErrors.filter((found) => found.status === '200');
  const inBodyOperations = [...new Set(inBody.map((found) => found.operation))];

  const index = new Map<
    string,
    { statuses: Set<string>; codeN?: number; summary: string; operations: Set<string> }
  >();
  for (const operation of operations) {
    for (const error of operation.errors) {
      const entry = index.get(error.code) ?? {
        statuses: new Set(),
        summary: error.summary,
        operations: new Set(),
      };
      entry.statuses.add(String(error.status));
      entry.codeN ??= error.codeN;
      if (!entry.summary) entry.summary = error.summary;
      entry.operations.add(operation.operationId);
      index.set(error.code, entry);
    }
  }
  const fieldTable = (rows: string[]) =>
    ['| Field | Type | Always there | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');

  const out = [
    'Every answer, success or failure, is one JSON object with `ResponseMetadata`; a success adds `Result`, a failure adds `ResponseMetadata.Error` and has no `Result`.',
    '### The envelope',
  ];
  const metadataRows = fieldRows(spec, metadata);
  if (metadataRows.length) out.push('`ResponseMetadata`:', fieldTable(metadataRows));
  const detailRows = fieldRows(spec, errorDetail);
  if (detailRows.length)
    out.push('`ResponseMetadata.Error`, present only on failure:', fieldTable(detailRows));
  if (example.successExample && Object.keys(example.successExample).length) {
    out.push(
      `A success (${code(example.operationId)}):`,
      fence('json', JSON.stringify(example.successExample, null, 2)),
    );
  }
  if (firstFailure) {
    out.push(
      `A failure (${code(firstFailure.name)} with HTTP ${firstFailure.status}, from ${code(firstFailure.operation.operationId)}):`,
      fence('json', JSON.stringify(firstFailure.value, null, 2)),
    );
  }
  out.push('### Errors that arrive with HTTP 200');
  if (inBodyOperations.length) {
    const sample = inBody[0] as (typeof inBody)[number];
    out.push(
      `Some business errors come back with status 200 and the error envelope, so a 200 alone does not mean success: look for \`ResponseMetadata.Error\`. ${plural(inBodyOperations.length, 'Action documents', 'Actions document')} such errors: ${inBodyOperations
        .map((operation) => `[${operation.operationId}](${operationLink(operation)})`)
        .join(', ')}. For example (${code(sample.name)}, from ${code(sample.operation.operationId)}):`,
      fence('json', JSON.stringify(sample.value, null, 2)),
      'The generated client returns these as `error`, like any other failure.',
    );
  } else {
    out.push(
      'No Action of this description documents an error delivered with HTTP 200 yet. The client still treats any answer carrying `ResponseMetadata.Error` as a failure, whatever its status.',
    );
  }
  out.push(
    '### Every documented error code',
    'Each operation page lists its own codes; this is the union over all of them.',
    [
      '| Code | HTTP | CodeN | Meaning | Actions |',
      '| --- | --- | --- | --- | --- |',
      ...[...index.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
          ([name, entry]) =>
            `| ${breakable(name)} | ${[...entry.statuses]
              .sort()
              .map((status) => (status === '200' ? '**200**' : status))
              .join(', ')} | ${entry.codeN ?? ''} | ${cell(entry.summary)} | ${entry.operations.size} |`,
        ),
    ].join('\n'),
  );
  return out.join('\n\n');
}

function changelogPage(source: ChangelogSource | undefined): string {
  if (!source) return 'No changelog source was given to the docs generator.';
  const out = [
    `Changes to the API description, from the changesets of ${code(source.packageName)}. The client and this site are versioned together with it, so a version number here is also theirs.`,
  ];
  const released = source.released?.replace(/^#\s[^\n]*\n/, '').trim();
  if (!released) {
    out.push(
      `**No releases yet.** ${source.version ? `The package is at version ${code(source.version)}, but no` : 'No'} release has been recorded (there is no CHANGELOG.md until \`changeset version\` runs).`,
    );
  }
  if (source.pending.length) {
    out.push(
      '## Unreleased',
      `Pending changesets that will go into the next release:`,
      source.pending
        .map(
          (change) =>
            `- **${change.bump}** (${code(change.file)}): ${change.summary.replace(/\n/g, '\n  ') || 'no description'}`,
        )
        .join('\n'),
    );
  } else out.push('No changes are pending.');
  if (released) out.push(released);
  return out.join('\n\n');
}

/** Adds the guide, the changelog and the per-operation additions to a copy of the bundled spec. */
export function renderDocs(
  spec: JsonObject,
  operations: Operation[],
  signing: SigningTarget,
  options: DocsOptions,
): DocsOutput {
  const docsSpec = structuredClone(spec);
  const sampleFiles: Record<string, string> = {};
  const previews: Record<string, string> = {};
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const nodes = new Map<Operation, JsonObject>();
  for (const operation of operations) {
    const node = operationNode(docsSpec, operation);
    nodes.set(operation, node);
    previews[operationLink(operation).slice(2)] = renderPreview(docsSpec, node, operation, signing);
    node.description = operationMarkdown(operation, node, byId, signing);
    node['x-codeSamples'] = codeSamples(operation, signing, options);
    sampleFiles[`${operation.operationId}.facade.ts`] = facadeSample(operation, options);
    sampleFiles[`${operation.operationId}.raw.ts`] = rawSample(operation, options);
  }

  const quick = pickExample(operations, (operation) => operation.idempotent);
  for (const [provider, sample] of Object.entries(credentialsSamples(quick, options)))
    sampleFiles[`credentials.${provider}.ts`] = sample;
  const signed = pickExample(operations, (operation) => operation.encoding === 'json');
  const walk = signingWalkthrough(wireRequest(signed, signing), signing, DEMO_SIGNING);
  const guide: [string, string, string][] = [
    [GUIDE_TAGS.quickStart, 'Quick start', quickStartPage(quick, signing, options)],
    [GUIDE_TAGS.endpoint, 'Endpoint, versions and regions', endpointPage(docsSpec, operations, signing)],
    [GUIDE_TAGS.signing, 'Signing requests', signingPage(docsSpec, walk, signed)],
    [GUIDE_TAGS.credentials, 'Credentials', credentialsPage(quick, options)],
    [GUIDE_TAGS.errors, 'Responses and errors', errorsPage(docsSpec, operations, nodes, quick)],
  ];
  const changelog: [string, string, string] = [
    GUIDE_TAGS.changelog,
    'Changelog',
    changelogPage(options.changelog),
  ];

  const tags = (Array.isArray(docsSpec.tags) ? docsSpec.tags : []).filter(isObject);
  const taken = new Set(tags.map((tag) => String(tag.name)));
  for (const [name] of [...guide, changelog]) {
    if (taken.has(name))
      throw new Error(`The spec already has a tag "${name}", which the docs use for a guide page`);
  }
  const traitTag = ([name, displayName, description]: [string, string, string], extra: JsonObject = {}) => ({
    name,
    'x-displayName': displayName,
    'x-traitTag': true,
    description,
    ...extra,
  });
  docsSpec.tags = [
    ...guide.map((page) =>
      traitTag(page, page[0] === GUIDE_TAGS.signing ? { 'x-signing-example': walk } : {}),
    ),
    ...tags,
    traitTag(changelog),
  ];
  const groups = Array.isArray(docsSpec['x-tagGroups'])
    ? docsSpec['x-tagGroups'].filter(isObject)
    : [{ name: 'API', tags: [...new Set([...taken, ...operations.flatMap((operation) => operation.tags)])] }];
  docsSpec['x-tagGroups'] = [
    { name: 'Getting started', tags: guide.map(([name]) => name) },
    ...groups,
    { name: 'Release notes', tags: [GUIDE_TAGS.changelog] },
  ];
  return { docsSpec, sampleFiles, previews };
}
