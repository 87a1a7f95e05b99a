#!/usr/bin/env node
// volc-codegen <facade|docs|contract> --spec <bundled openapi.json> --out <path> [options]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderContractCases } from './contract.ts';
import { readChangelog, renderDocs } from './docs.ts';
import { injectPreviews } from './docs-preview.ts';
import { renderFacade } from './facade.ts';
import { type JsonObject, readOperations, readSigning } from './spec.ts';

const USAGE = `usage:
  volc-codegen facade   --spec <openapi.json> --out <facade.ts> --name <Prefix> [--schema-module ./schema.ts]
  volc-codegen docs     --spec <openapi.json> --out <dir> --client-package <pkg> --factory <createXClient>
                        [--changelog-from <spec package dir>] [--template <template.hbs>]
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
    template: { type: 'string' },
  },
});
const [command] = positionals;
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
    // The site's HTML template with each operation's preview, shown while Redoc starts.
    if (values.template) {
      let template: string;
      try {
        template = readFileSync(values.template, 'utf8');
      } catch (error) {
        fail(`cannot read the template ${values.template}: ${(error as Error).message}`);
      }
      try {
        write(join(values.out, 'template.hbs'), injectPreviews(template, previews, values.template));
      } catch (error) {
        fail((error as Error).message);
      }
    }
    break;
  }
  case 'contract':
    write(values.out, `${JSON.stringify(renderContractCases(operations, spec), null, 2)}\n`);
    break;
  default:
    fail(`unknown command "${command ?? ''}"`);
}
process.stdout.write(`volc-codegen ${command}: ${operations.length} operations → ${values.out}\n`);
