import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JsonObject, type Operation, readService, signingTarget } from '@volc-openapi/spec-model';
import { describe, expect, it } from 'vitest';
import { type ChangelogSource, readChangelog, searchTerms } from '../src/docs.ts';
import { injectPreviews, PREVIEW_PLACEHOLDER, renderPreviewBlock } from '../src/docs-preview.ts';
import { curlSample, renderContractCases, renderDocs, renderFacade } from '../src/index.ts';

const readOperations = (document: JsonObject) => readService(document).operations;
const readSigning = (document: JsonObject) => signingTarget(readService(document));

import {
  DEMO_SIGNING,
  facadeSample,
  rawSample,
  type SigningWalkthrough,
  signingWalkthrough,
  wireRequest,
} from '../src/samples.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), 'utf8')) as JsonObject;
const spec = fixture('mini.openapi.json');
const operations = readOperations(spec);
const signing = readSigning(spec);
const byId = (id: string) => {
  const operation = operations.find((candidate) => candidate.operationId === id);
  if (!operation) throw new Error(`no ${id}`);
  return operation;
};

describe('readOperations', () => {
  it.each([
    ['CreateThing', { method: 'POST', encoding: 'json', idempotent: false, deprecated: false }],
    ['UpdateThing', { method: 'POST', encoding: 'form', idempotent: false, deprecated: true }],
    ['ListThings', { method: 'GET', encoding: 'query', idempotent: true, deprecated: false }],
  ] as const)('reads %s from its path key and operation', (id, want) => {
    const operation = byId(id);
    expect(operation).toMatchObject({ ...want, action: id, version: '2022-01-01' });
    expect(operation.pathKey).toBe(`/?Action=${id}&Version=2022-01-01`);
  });

  it('takes the request example from the body examples, or from the query parameters of a GET', () => {
    expect(byId('CreateThing').requestExample).toEqual({ Name: "it's", Size: 2 });
    expect(byId('UpdateThing').requestExample).toEqual({ Key: 'a b', Tags: 'x,y' });
    expect(byId('ListThings').requestExample).toEqual({ Type: 1, Name: 'a&b c' });
  });

  it('collects error codes from the named examples of error responses, including HTTP-200 errors', () => {
    expect(byId('CreateThing').errors).toEqual([
      {
        code: 'MissingParameter',
        status: 400,
        codeN: 100002,
        message: 'missing',
        summary: 'A required parameter is absent.',
        transient: false,
      },
    ]);
    expect(byId('UpdateThing').errors.map(({ code, status }) => [code, status])).toEqual([
      ['SystemError', 200],
      ['MissingParameter', 400],
    ]);
  });

  it('reads pagination and the signing facts', () => {
    expect(byId('ListThings').pagination).toMatchObject({ style: 'offset', items: 'Records' });
    expect(signing).toEqual({ service: 'mini', region: 'cn-test-1', endpoint: 'https://mini.example.test' });
  });

  it('names what is wrong in a path key it cannot read', () => {
    const broken = structuredClone(spec);
    (broken.paths as JsonObject)['/things'] = (broken.paths as JsonObject)[
      '/?Action=ListThings&Version=2022-01-01'
    ];
    expect(() => readOperations(broken)).toThrow(
      'path key "/things" is not of the form /?Action=<Name>&Version=<YYYY-MM-DD>',
    );
  });
});

describe('renderFacade', () => {
  const source = renderFacade(operations, signing, { name: 'Mini', schemaModule: './schema.ts' });

  it('declares one method per operation, named as the operation', () => {
    const methods = [
      ...source.matchAll(/^ {2}(\w+)\(input\??: \w+Input, options\?: CallOptions\): Promise</gm),
    ].map((m) => m[1]);
    expect(methods).toEqual(['CreateThing', 'UpdateThing', 'ListThings']);
  });

  it('types the error code union from the documented examples, and the output without the error envelope', () => {
    expect(source).toContain("export type UpdateThingErrorCode = 'SystemError' | 'MissingParameter';");
    expect(source).toContain(
      "export type CreateThingOutput = SuccessBody<operations['CreateThing']['responses'][200]['content']['application/json']>;",
    );
  });

  it('carries summary, description, vendor title and deprecation as TSDoc, escaping comment ends', () => {
    expect(source).toContain('   * Create a thing\n');
    expect(source).toContain('It can hold a *\\/ sequence.');
    expect(source).toContain('Vendor title: 创建.');
    expect(source).toMatch(/@deprecated Superseded by UpdateThingV2\.\n {3}\*\/\n {2}UpdateThing\(/);
  });

  it('names the x-volc-replaced-by replacement in @deprecated as a link editors follow', () => {
    const replaced = structuredClone(spec);
    const update = (replaced.paths as Record<string, Record<string, JsonObject>>)[
      '/?Action=UpdateThing&Version=2022-01-01'
    ]?.post as JsonObject;
    update['x-volc-replaced-by'] = 'CreateThing';
    update.description = 'Superseded by the newer\naction. It will go away.';
    const text = renderFacade(readOperations(replaced), signing, {
      name: 'Mini',
      schemaModule: './schema.ts',
    });
    expect(text).toContain(
      '   * @deprecated Use {@link MiniOperations.CreateThing | CreateThing} instead. Superseded by the newer action.\n   */\n  UpdateThing(',
    );
  });

  it('records method, encoding, idempotency and pagination compactly, for defineOperations to expand', () => {
    expect(source).toContain(
      "export const operationMeta: Record<MiniOperationId, OperationMeta> = /* @__PURE__ */ defineOperations<MiniOperationId>('2022-01-01', {",
    );
    expect(source).toContain('  CreateThing: ["POST","json",false],');
    expect(source).toContain(
      '  ListThings: ["GET","query",true,{"style":"offset","offset":"Offset","limit":"Limit","items":"Records","total":"Total"}],',
    );
  });

  it('spells out the action and version of an operation at an older Version', () => {
    const older = operations.map((operation) =>
      operation.operationId === 'CreateThing'
        ? { ...operation, operationId: 'CreateThing_20210101', version: '2021-01-01' }
        : operation,
    );
    const text = renderFacade(older, signing, { name: 'Mini', schemaModule: './schema.ts' });
    expect(text).toContain('  CreateThing_20210101: ["POST","json",false,0,"2021-01-01","CreateThing"],');
  });

  it('declares a typed paginator for each operation with x-volc-pagination only', () => {
    expect(source).toContain(
      "export type ListThingsItem = NonNullable<NonNullable<ListThingsOutput['Result']>['Records']>[number];",
    );
    const paginators = source.slice(source.indexOf('export interface MiniPaginators'));
    expect(
      [...paginators.matchAll(/^ {2}(\w+)\(input\??: \w+Input, options\?: CallOptions\): Paginator</gm)].map(
        (m) => m[1],
      ),
    ).toEqual(['ListThings']);
    expect(source).toContain('return operationPaginators<MiniPaginators>(methods, operationMeta);');
  });
});

describe('code samples', () => {
  it('signs the exact body curl sends with the demo key and shows every signing header', () => {
    const sample = curlSample(byId('CreateThing'), signing);
    const body = JSON.stringify({ Name: "it's", Size: 2 });
    expect(sample).toContain(`X-Content-Sha256: ${createHash('sha256').update(body).digest('hex')}`);
    expect(sample).toContain(`--data-raw '{"Name":"it'\\''s","Size":2}'`);
    expect(sample).toContain(`Credential=${DEMO_SIGNING.accessKeyId}/20250528/cn-test-1/mini/request`);
    expect(sample).toMatch(
      /SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=[0-9a-f]{64}'/,
    );
    expect(sample).toContain(`X-Date: ${DEMO_SIGNING.xDate}`);
  });

  it('puts GET parameters, percent-encoded, after the path key', () => {
    expect(curlSample(byId('ListThings'), signing)).toContain(
      "'https://mini.example.test/?Action=ListThings&Version=2022-01-01&Type=1&Name=a%26b%20c'",
    );
  });

  it('adds x-codeSamples to a copy of the spec and writes one facade and one raw sample per operation', () => {
    const { docsSpec, sampleFiles } = renderDocs(spec, operations, signing, {
      clientPackage: '@example/mini',
      factory: 'createMiniClient',
    });
    const paths = docsSpec.paths as Record<string, Record<string, JsonObject>>;
    const samples = paths['/?Action=ListThings&Version=2022-01-01']?.get?.['x-codeSamples'] as {
      label: string;
    }[];
    // The labels must equal those of openapi.codeSamples.languages in redocly.yaml, or Redoc 3 hides them.
    expect(samples.map((sample) => sample.label)).toEqual(['TypeScript (client)', 'curl', 'openapi-fetch']);
    expect(
      (spec.paths as Record<string, Record<string, JsonObject>>)['/?Action=ListThings&Version=2022-01-01']
        ?.get?.['x-codeSamples'],
    ).toBeUndefined();
    expect(Object.keys(sampleFiles).sort()).toEqual(
      operations
        .flatMap((operation) => [`${operation.operationId}.facade.ts`, `${operation.operationId}.raw.ts`])
        .concat(
          ['fromAssumeRole', 'fromOidc', 'fromProfile', 'defaultChain'].map((p) => `credentials.${p}.ts`),
        )
        .sort(),
    );
    expect(sampleFiles['ListThings.raw.ts']).toContain(
      "const { data, error } = await mini.raw.GET('/?Action=ListThings&Version=2022-01-01', {\n  params: { query: {",
    );
    // The raw client's error is the envelope, also one sent with HTTP 200: the sample branches on it.
    expect(sampleFiles['ListThings.raw.ts']).toContain(
      'if (error) {\n  const { Code, Message } = error.ResponseMetadata.Error;',
    );
    expect(sampleFiles['ListThings.raw.ts']).toContain('} else {\n  console.log(data.Result);\n}');
  });
});

describe('docs', () => {
  const docs = fixture('docs.openapi.json');
  const docsOperations = readOperations(docs);
  const docsSigning = readSigning(docs);
  const op = (id: string) => docsOperations.find((candidate) => candidate.operationId === id) as Operation;
  const options = { clientPackage: '@example/docs', factory: 'createDocsClient' };
  const rendered = renderDocs(docs, docsOperations, docsSigning, options);
  const node = (path: string, method = 'post') =>
    (rendered.docsSpec.paths as Record<string, Record<string, JsonObject>>)[path]?.[method] as JsonObject;
  const description = (id: string) => {
    const operation = op(id);
    return String(node(operation.pathKey, operation.method.toLowerCase()).description);
  };
  const tag = (name: string) =>
    (rendered.docsSpec.tags as JsonObject[]).find((candidate) => candidate.name === name);

  it('writes samples as valid TypeScript literals, quotes included', () => {
    const source = facadeSample(op('CreateThing'), options);
    expect(source).toContain('const docs = createDocsClient();');
    expect(source).toContain(
      "await docs.CreateThing({\n  Name: 'it\\'s',\n  Size: 2,\n  Tags: [\n    'a',\n    'b'\n  ]\n});",
    );
    expect(facadeSample(op('PingThing'), options)).toContain('await docs.PingThing();');
    expect(rawSample(op('PingThing'), options)).toContain(
      "await docs.raw.POST('/?Action=PingThing&Version=2022-01-01');",
    );
  });

  it('iterates pages in the facade sample of a paged operation', () => {
    expect(facadeSample(op('ListThings'), options)).toContain(
      'for await (const item of docs.paginate.ListThings({',
    );
    expect(facadeSample(op('CreateThing'), options)).not.toContain('paginate');
  });

  it('spells out what a form or multipart body needs in the raw sample, which openapi-fetch would send as JSON', () => {
    // A form needs only its Content-Type: the raw client writes the fields as the spec declares them.
    const form = rawSample(op('UpdateThing'), options);
    expect(form).toContain("headers: { 'Content-Type': 'application/x-www-form-urlencoded' }");
    expect(form).not.toContain('String(v)');
    // Multipart is built with the client's own encoder and declared field styles.
    const multipart = rawSample(op('UploadThing'), options);
    expect(multipart).toContain(
      "import { createDocsClient, encodeMultipart, fieldStyles } from '@example/docs';",
    );
    expect(multipart).toContain('bodySerializer: (body) => encodeMultipart(body, fieldStyles),');
  });

  it('sends VMS wire values: lists comma-joined in forms and queries, multipart with a fixed boundary and CRLF', () => {
    expect(wireRequest(op('ListThings'), docsSigning).url).toBe(
      'https://docs.example.test/?Action=ListThings&Version=2022-01-01&Type=1&Name=a%26b%20c&Ids=x%20y',
    );
    const upload = wireRequest(op('UploadThing'), docsSigning);
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const boundary = upload.contentType?.split('boundary=')[1];
    expect(upload.body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="Kind"\r\n\r\njpg\r\n--${boundary}\r\nContent-Disposition: form-data; name="File"\r\n\r\nline 1\nit's\r\n--${boundary}--\r\n`,
    );
    // curl gets the bytes verbatim through ANSI-C quoting.
    expect(curlSample(op('UploadThing'), docsSigning)).toContain(`--data-binary $'--${boundary}\\r\\n`);
    expect(curlSample(op('UploadThing'), docsSigning)).toContain("line 1\\nit\\'s\\r\\n");
  });

  it('keeps every intermediate value of the signature, with the query sorted and content-type signed only with a body', () => {
    const get = signingWalkthrough(wireRequest(op('ListThings'), docsSigning), docsSigning);
    const lines = get.canonicalRequest.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'GET',
      '/',
      'Action=ListThings&Ids=x%20y&Name=a%26b%20c&Type=1&Version=2022-01-01',
    ]);
    expect(get.signedHeaders).toBe('host;x-content-sha256;x-date');
    expect(get.bodySha256).toBe(createHash('sha256').update('').digest('hex'));
    expect(get.stringToSign).toBe(
      `HMAC-SHA256\n${DEMO_SIGNING.xDate}\n20250528/cn-test-1/docs/request\n${createHash('sha256').update(get.canonicalRequest).digest('hex')}`,
    );
    const post = signingWalkthrough(wireRequest(op('CreateThing'), docsSigning), docsSigning);
    expect(post.signedHeaders).toBe('content-type;host;x-content-sha256;x-date');
    expect(post.canonicalRequest).toContain('\ncontent-type:application/json\nhost:docs.example.test\n');
    expect(post.authorization).toBe(
      `HMAC-SHA256 Credential=${DEMO_SIGNING.accessKeyId}/20250528/cn-test-1/docs/request, SignedHeaders=${post.signedHeaders}, Signature=${post.signature}`,
    );
    expect(Object.values(post.signingKeys).every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
  });

  it('puts the request line, facts, error table and search words at the top of each operation', () => {
    const create = description('CreateThing');
    expect(create).toContain(
      '```http\nPOST /?Action=CreateThing&Version=2022-01-01\nHost: docs.example.test\nContent-Type: application/json\n```',
    );
    expect(create).toContain('- **Action / Version:** `CreateThing` / `2022-01-01`');
    expect(create).toContain('- **Vendor title (中文):** 创建物品');
    expect(create).toContain('- **Vendor page:** [Vendor page 创建物品](https://vendor.example.test/create)');
    expect(create).toContain('Creates one thing.');
    expect(create).toContain(
      '| System<wbr>Error | **200** (error in the body) |  | A system error sent with HTTP 200. |',
    );
    expect(create).toContain('| Missing<wbr>Parameter | 400 | 100002 | A required parameter is absent. |');
    expect(create).toContain('| Invalid<wbr>Parameter | 400 |  | A parameter \\| is invalid. |');
    expect(create).toContain('1 code below arrives with HTTP 200');
    expect(create).toContain('<!-- search: 创建物品 建物品 物品 Create Thing -->');
    expect(description('ListThings')).toContain(
      '- **Paging:** by offset: `Offset` and `Limit` in, items in `Result.Records`, total in `Result.Total`',
    );
    expect(description('ListThings')).toContain(
      '<!-- search: 查询物品列表 询物品列表 物品列表 品列表 列表 List Things -->',
    );
  });

  it('marks deprecation with a deep link to the replacement, and lists other wire forms', () => {
    const update = description('UpdateThing');
    expect(update).toContain(
      '> **Deprecated.** Use [UpdateThingV2](#/things/updatethingv2) (Update a thing) instead.',
    );
    expect(update).toContain(
      '- **Other wire forms seen in the sources** (this page follows 2025 docs):\n  - 2023 docs: `GET query`, older pages',
    );
  });

  it('adds guide pages and a changelog as trait tags around the spec tag groups', () => {
    expect((rendered.docsSpec['x-tagGroups'] as JsonObject[]).map((group) => group.name)).toEqual([
      'Getting started',
      'Everything',
      'Release notes',
    ]);
    expect((rendered.docsSpec.tags as JsonObject[]).map((candidate) => candidate.name)).toEqual([
      'quick-start',
      'endpoint',
      'signing',
      'credentials',
      'responses-and-errors',
      'things',
      'legacy',
      'changelog',
    ]);
    expect(tag('signing')?.['x-traitTag']).toBe(true);
    const endpoint = String(tag('endpoint')?.description);
    expect(endpoint).toContain('| `https://docs.example.test` | The only host. |');
    expect(endpoint).toContain('| `2022-01-01` | 6 |');
    expect(endpoint).toContain('signed for service `docs` in region `cn-test-1`');
    const errors = String(tag('responses-and-errors')?.description);
    expect(errors).toContain('| `RequestId` | string | yes | Id of the request. |');
    expect(errors).toContain('| `CodeN` | integer | no | Numeric code. |');
    expect(errors).toContain('1 Action documents such errors: [CreateThing](#/things/creatething)');
    expect(errors).toContain(
      '| Missing<wbr>Parameter | 400 | 100002 | A required parameter is absent. | 6 |',
    );
    expect(String(tag('quick-start')?.description)).toContain('npm install @example/docs');
    expect(String(tag('quick-start')?.description)).not.toContain('Postman');
    const withPostman = renderDocs(docs, docsOperations, docsSigning, {
      ...options,
      postman: { collection: 'docs.postman_collection.json', environment: 'docs.postman_environment.json' },
    });
    const quickStart = (withPostman.docsSpec.tags as JsonObject[]).find((t) => t.name === 'quick-start');
    expect(String(quickStart?.description)).toContain(
      '[the Postman collection](docs.postman_collection.json)',
    );
    const credentials = String(tag('credentials')?.description);
    expect(credentials).toContain('environment → OIDC');
    for (const provider of ['fromAssumeRole({', 'fromOidc({', 'fromProfile({', 'defaultChain({'])
      expect(credentials).toContain(provider);
    expect(() =>
      renderDocs({ ...docs, tags: [{ name: 'signing' }] }, docsOperations, docsSigning, options),
    ).toThrow('The spec already has a tag "signing"');
  });

  it('works a signing example through on a JSON operation, with the numbers on the page', () => {
    const walk = tag('signing')?.['x-signing-example'] as SigningWalkthrough;
    expect(walk.request.url).toBe('https://docs.example.test/?Action=CreateThing&Version=2022-01-01');
    const page = String(tag('signing')?.description);
    expect(page).toContain('Sign every request with HMAC-SHA256.');
    for (const value of [
      walk.bodySha256,
      walk.canonicalRequest,
      walk.stringToSign,
      walk.signature,
      walk.authorization,
    ])
      expect(page).toContain(value);
  });

  it('reads the changelog and the pending changesets that name the package', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-changelog-'));
    const pkg = join(root, 'spec');
    mkdirSync(pkg);
    mkdirSync(join(root, '.changeset'));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@example/spec', version: '0.3.0' }));
    writeFileSync(join(root, '.changeset', 'README.md'), '# Changesets\n');
    writeFileSync(
      join(root, '.changeset', 'brave-cats.md'),
      "---\n'@example/spec': minor\n'@example/client': minor\n---\n\nAdd ListThings.\nWith paging.\n",
    );
    writeFileSync(
      join(root, '.changeset', 'other.md'),
      '---\n"@example/client": patch\n---\n\nClient only.\n',
    );
    const pending = readChangelog(pkg);
    expect(pending).toEqual({
      packageName: '@example/spec',
      version: '0.3.0',
      pending: [{ file: 'brave-cats.md', bump: 'minor', summary: 'Add ListThings.\nWith paging.' }],
    });
    const page = (source: ChangelogSource) =>
      String(
        (
          renderDocs(docs, docsOperations, docsSigning, { ...options, changelog: source }).docsSpec
            .tags as JsonObject[]
        ).at(-1)?.description,
      );
    expect(page(pending)).toContain('**No releases yet.** The package is at version `0.3.0`');
    expect(page(pending)).toContain('- **minor** (`brave-cats.md`): Add ListThings.\n  With paging.');
    writeFileSync(
      join(pkg, 'CHANGELOG.md'),
      '# @example/spec\n\n## 0.3.0\n\n### Minor Changes\n\n- abc123: First.\n',
    );
    const released = page({ ...readChangelog(pkg), pending: [] });
    expect(released).not.toContain('No releases yet');
    expect(released).toContain('No changes are pending.');
    expect(released).toContain('## 0.3.0\n\n### Minor Changes\n\n- abc123: First.');
    rmSync(root, { recursive: true, force: true });
  });

  describe('operation previews', () => {
    const previewOf = (id: string) => {
      const operation = op(id);
      return rendered.previews[`${operation.tags[0]}/${id.toLowerCase()}`] ?? '';
    };

    it('has one preview per operation, keyed by the section id of its deep link', () => {
      expect(Object.keys(rendered.previews).sort()).toEqual(
        docsOperations
          .map((operation) => `${operation.tags[0]}/${operation.operationId.toLowerCase()}`)
          .sort(),
      );
    });

    it('shows the request line, the facts, the request fields and the error codes', () => {
      const create = previewOf('CreateThing');
      expect(create).toContain('<h1>Create a thing</h1>');
      expect(create).toContain('POST /?Action=CreateThing&amp;Version=2022-01-01\nHost: ');
      expect(create).toContain('Content-Type: application/json');
      expect(create).toContain('<dd>创建物品</dd>');
      for (const field of ['Name', 'Size', 'Tags'])
        expect(create).toContain(`<td><code>${field}</code></td>`);
      expect(create).toContain('<td><code>SystemError</code></td><td>200 (error in the body)</td>');
      const list = previewOf('ListThings');
      expect(list).toContain('GET /?Action=ListThings&amp;Version=2022-01-01');
      expect(list).toContain('<td><code>Type</code></td><td>integer</td><td>yes</td>');
      expect(list).toContain('<td><code>Name</code></td><td>string</td><td>no</td>');
      expect(previewOf('UpdateThing')).toContain(
        '<strong>Deprecated.</strong> Use <code>UpdateThingV2</code> instead.',
      );
      expect(previewOf('PingThing')).not.toContain('<h2>Request</h2>');
    });

    it('escapes text from the spec as HTML', () => {
      const hostile = structuredClone(docs);
      const item = (hostile.paths as Record<string, Record<string, JsonObject>>)[op('PingThing').pathKey];
      (item?.post as JsonObject).summary = 'Ping <img src=x onerror=alert(1)> & "pong"';
      const again = renderDocs(hostile, readOperations(hostile), docsSigning, options);
      const preview = Object.entries(again.previews).find(([id]) => id.endsWith('/pingthing'))?.[1];
      expect(preview).toContain('<h1>Ping &lt;img src=x onerror=alert(1)&gt; &amp; &quot;pong&quot;</h1>');
    });

    it('puts the previews into the page where its placeholder is, safe from the HTML parser', () => {
      const previews = { 'a/b': '<p>$& {{title}}</p></script><script>alert(1)</script><!-- x -->' };
      const page = `<html><body>\n${PREVIEW_PLACEHOLDER}\n<div id="redoc"></div></body></html>`;
      const out = injectPreviews(page, renderPreviewBlock(previews));
      expect(out).not.toContain(PREVIEW_PLACEHOLDER);
      expect(out).toContain('<div id="redoc"></div>');
      const json = /<script type="application\/json" id="rpc-previews">(.*?)<\/script>/s.exec(out)?.[1] ?? '';
      expect(json).not.toMatch(/<\/|<!--/);
      // The data element ends where its JSON ends: at the first `</script>` after it, as an HTML parser reads it.
      expect(JSON.parse(json)).toEqual(previews);
    });

    it('refuses a page without the placeholder, or with two, naming the file', () => {
      expect(() => injectPreviews('<body></body>', '', 'dist/index.html')).toThrow(
        `dist/index.html must contain the line "${PREVIEW_PLACEHOLDER}" exactly once, where the operation previews go (found 0)`,
      );
      expect(() => injectPreviews(`${PREVIEW_PLACEHOLDER}${PREVIEW_PLACEHOLDER}`, '')).toThrow(
        '(found more than one)',
      );
    });
  });

  it('splits Chinese titles into searchable tails and camel-case Actions into words', () => {
    expect(searchTerms({ action: 'QueryUsableResourceV2', titleZh: '获取可用语音资源' })).toEqual([
      '获取可用语音资源',
      '取可用语音资源',
      '可用语音资源',
      '用语音资源',
      '语音资源',
      '音资源',
      '资源',
      'Query',
      'Usable',
      'Resource',
      'V2',
    ]);
    expect(searchTerms({ action: 'Ping' })).toEqual([]);
  });
});

describe('renderContractCases', () => {
  it('gives each operation its request example, expected Result and documented errors', () => {
    const cases = renderContractCases(operations, spec);
    expect(cases.map((testCase) => testCase.operationId)).toEqual([
      'CreateThing',
      'UpdateThing',
      'ListThings',
    ]);
    expect(cases[0]).toMatchObject({
      request: { Name: "it's", Size: 2 },
      expectedResult: { Id: 7 },
      encoding: 'json',
    });
  });
});
