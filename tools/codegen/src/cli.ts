#!/usr/bin/env node
// volc-codegen <facade|docs|contract> --spec <bundled openapi.json> --out <path> [options]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderContractCases } from './contract.ts';
import { readChangelog, renderDocs } from './docs.ts';
import { injectPreviews, renderPreviewBlock } from './docs-preview.ts';
import { renderFacade } from './facade.ts';
import { type JsonObject, readOperations, readSigning } from './spec.ts';

const USAGE = `usage:
  volc-codegen facade   --spec <openapi.json> --out <facade.ts> --name <Prefix> [--schema-module ./schema.ts]
  volc-codegen docs     --spec <openapi.json> --out <dir> --client-package <pkg> --factory <createXClient>
                        [--changelog-from <spec package dir>]
  volc-codegen previews --html <built page> --previews <previews.html>   (puts them into the page, in place)
  volc-codegen contract --spec <openapi.json> --out <cases.json>`;

function fail(message: string): never {
  process.stderr.write(`volc-codegen: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    spec: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    'schema-module': { type: 'string', default: './schema.ts' },
    'client-package': { type: 'string' },
    factory: { type: 'string' },
    'changelog-from': { type: 'string' },
    html: { type: 'string' },
    previews: { type: 'string' },
  },
});
const [command] = positionals;

/** `previews`: the one command that works on a built page rather than on the spec. */
if (command === 'previews') {
  if (!values.html || !values.previews) fail('previews needs --html and --previews');
  let page: string;
  let block: string;
  try {
    page = readFileSync(values.html, 'utf8');
    block = readFileSync(values.previews, 'utf8');
  } catch (error) {
    fail(`cannot read the page or the previews: ${(error as Error).message}`);
  }
  try {
    writeFileSync(values.html, injectPreviews(page, block, values.html));
  } catch (error) {
    fail((error as Error).message);
  }
  process.stdout.write(`volc-codegen previews: ${values.previews} → ${values.html}\n`);
  process.exit(0);
}

if (!values.spec || !values.out) fail('--spec and --out are required');

let spec: JsonObject;
try {
  spec = JSON.parse(readFileSync(values.spec, 'utf8')) as JsonObject;
} catch (error) {
  fail(`cannot read the bundled spec ${values.spec}: ${(error as Error).message}`);
}
const operations = readOperations(spec);
const signing = readSigning(spec);

switch (command) {
  case 'facade': {
    if (!values.name) fail('facade needs --name');
    write(
      values.out,
      renderFacade(operations, signing, { name: values.name, schemaModule: values['schema-module'] }),
    );
    break;
  }
  case 'docs': {
    if (!values['client-package'] || !values.factory) fail('docs needs --client-package and --factory');
    const { docsSpec, sampleFiles, previews } = renderDocs(spec, operations, signing, {
      clientPackage: values['client-package'],
      factory: values.factory,
      ...(values['changelog-from'] ? { changelog: readChangelog(values['changelog-from']) } : {}),
    });
    rmSync(join(values.out, 'samples'), { recursive: true, force: true });
    write(join(values.out, 'openapi.docs.json'), `${JSON.stringify(docsSpec, null, 2)}\n`);
    for (const [name, source] of Object.entries(sampleFiles))
      write(join(values.out, 'samples', name), source);
    // Each operation's preview, for `volc-codegen previews` to put into the built page.
    write(join(values.out, 'previews.html'), renderPreviewBlock(previews));
    break;
  }
  case 'contract':
    write(values.out, `${JSON.stringify(renderContractCases(operations, spec), null, 2)}\n`);
    break;
  default:
    fail(`unknown command "${command ?? ''}"`);
}
process.stdout.write(`volc-codegen ${command}: ${operations.length} operations → ${values.out}\n`);
