#!/usr/bin/env node
// volc-codegen <client|facade|docs|previews|contract|platform> [options]: the generators behind every
// generated file of the repo. A service is named by `--service <name>` (see spec/services.yaml) or
// given as a bundled spec with `--spec <openapi.json>`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  fieldStyles,
  findService,
  loadService,
  REPO_ROOT,
  readPlatformErrors,
  type ServiceEntry,
  type ServiceModel,
  signingTarget,
} from '@volc-openapi/spec-model';
import { renderClientIndex, renderTransientCodes } from './client.ts';
import { renderContractCases } from './contract.ts';
import { readChangelog, renderDocs } from './docs.ts';
import { consoleService, renderConsoleValidators } from './docs-console.ts';
import { injectPreviews, renderPreviewBlock } from './docs-preview.ts';
import { renderFacade } from './facade.ts';

const USAGE = `usage:
  volc-codegen client   [--service <name>] --out <dir>   (schema.ts, facade.ts, index.ts; the service
                        defaults to the one whose client package is ./package.json)
  volc-codegen facade   (--service <name> | --spec <openapi.json>) --out <facade.ts> --name <Prefix>
  volc-codegen docs     (--service <name> | --spec <openapi.json> --client-package <pkg> --factory <fn>)
                        --out <dir> [--changelog-from <spec package dir>] [--postman <name>]
                        (docs spec, samples, previews, console data and input validators; --postman
                        links <name>.postman_collection.json and its environment from the quick start)
  volc-codegen previews --html <built page> --previews <previews.html>   (puts them into the page, in place)
  volc-codegen contract (--service <name> | --spec <openapi.json>) --out <cases.json>
  volc-codegen platform --out <transient-codes.ts>   (the runtime's transient codes from spec/platform)`;

function fail(message: string): never {
  process.stderr.write(`volc-codegen: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Runs `action`, turning any failure into one line on stderr and exit code 2. */
async function attempt<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    fail((error as Error).message);
  }
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    service: { type: 'string' },
    spec: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    'schema-module': { type: 'string', default: './schema.ts' },
    'client-package': { type: 'string' },
    factory: { type: 'string' },
    'changelog-from': { type: 'string' },
    postman: { type: 'string' },
    html: { type: 'string' },
    previews: { type: 'string' },
  },
});
const [command] = positionals;

/** The service a client package in the working directory is for. */
function serviceOfPackage(): ServiceEntry {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { name?: string };
  const name = /^@volc-openapi\/([a-z0-9]+)$/.exec(manifest.name ?? '')?.[1];
  if (!name) fail(`./package.json (${manifest.name}) is not a client package @volc-openapi/<service>`);
  return findService(name);
}

async function main(): Promise<string> {
  if (command === 'previews') {
    if (!values.html || !values.previews) fail('previews needs --html and --previews');
    const html = values.html;
    const page = await attempt(() => readFileSync(html, 'utf8'));
    const block = await attempt(() => readFileSync(values.previews as string, 'utf8'));
    await attempt(() => writeFileSync(html, injectPreviews(page, block, html)));
    return `${values.previews} → ${html}`;
  }
  if (!values.out) fail('--out is required');
  const out = values.out;
  if (command === 'platform') {
    const codes = await attempt(() => readPlatformErrors().filter((error) => error.transient));
    write(out, renderTransientCodes(codes.map((error) => error.code)));
    return `${codes.length} transient platform codes → ${out}`;
  }

  const entry = values.service
    ? await attempt(() => findService(values.service as string))
    : command === 'client'
      ? await attempt(serviceOfPackage)
      : undefined;
  const specPath = entry ? join(REPO_ROOT, entry.bundle) : values.spec;
  if (!specPath) fail('--service or --spec is required');
  const service: ServiceModel = await attempt(() => loadService(specPath));
  const { operations } = service;
  const signing = signingTarget(service);
  const styles = await attempt(() => fieldStyles(service));

  switch (command) {
    case 'client': {
      const names = entry as ServiceEntry;
      // Loaded here only: openapi-typescript brings TypeScript 5, a second of start-up the other commands skip.
      const { renderSchemaTypes } = await import('./schema-types.ts');
      write(join(out, 'schema.ts'), await attempt(() => renderSchemaTypes(service.document)));
      write(
        join(out, 'facade.ts'),
        renderFacade(operations, signing, { name: names.typePrefix, schemaModule: './schema.ts', styles }),
      );
      write(join(out, 'index.ts'), renderClientIndex(names));
      break;
    }
    case 'facade': {
      const name = values.name ?? entry?.typePrefix;
      if (!name) fail('facade needs --name (or --service)');
      write(out, renderFacade(operations, signing, { name, schemaModule: values['schema-module'], styles }));
      break;
    }
    case 'docs': {
      const clientPackage = values['client-package'] ?? entry?.clientPackage;
      const factory = values.factory ?? entry?.factory;
      if (!clientPackage || !factory) fail('docs needs --service, or --client-package and --factory');
      const changelogFrom = values['changelog-from'];
      const { docsSpec, sampleFiles, previews } = renderDocs(service.document, operations, signing, {
        clientPackage,
        factory,
        ...(changelogFrom ? { changelog: readChangelog(changelogFrom) } : {}),
        ...(values.postman
          ? {
              postman: {
                collection: `${values.postman}.postman_collection.json`,
                environment: `${values.postman}.postman_environment.json`,
              },
            }
          : {}),
      });
      rmSync(join(out, 'samples'), { recursive: true, force: true });
      write(join(out, 'openapi.docs.json'), `${JSON.stringify(docsSpec, null, 2)}\n`);
      for (const [name, source] of Object.entries(sampleFiles)) write(join(out, 'samples', name), source);
      // Each operation's preview, for `volc-codegen previews` to put into the built page.
      write(join(out, 'previews.html'), renderPreviewBlock(previews));
      // What each operation's console needs, for the docs build to bundle into the page.
      write(join(out, 'console.json'), `${JSON.stringify(consoleService(service))}\n`);
      write(join(out, 'validators.js'), await attempt(() => renderConsoleValidators(service)));
      break;
    }
    case 'contract':
      write(out, `${JSON.stringify(renderContractCases(operations, service.document), null, 2)}\n`);
      break;
    default:
      fail(`unknown command "${command ?? ''}"`);
  }
  return `${operations.length} operations → ${out}`;
}

process.stdout.write(`volc-codegen ${command}: ${await main()}\n`);
