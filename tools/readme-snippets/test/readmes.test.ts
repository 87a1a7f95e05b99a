// The READMEs a newcomer follows — the repository's, each client's and the mock's — as executable
// documentation: their runnable snippets are type-checked, then run in file order against a fresh mock
// of every service on loopback, as a reader following along with `pnpm mock` would.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@volc-openapi/mock-server';
import { loadService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snippetRunner } from '../src/run.ts';
import { extractSnippets } from '../src/snippets.ts';

const services = readRegistry();
const clientReadmes = services.map((service) => `packages/${service.name}/README.md`);
const readmes = [
  'README.md',
  ...clientReadmes,
  'packages/credentials/README.md',
  'tools/mock-server/README.md',
];
const snippets = new Map(
  readmes.map((file) => [file, extractSnippets(readFileSync(join(REPO_ROOT, file), 'utf8'), file)]),
);
const runner = snippetRunner(
  [...snippets.values()].flat(),
  fileURLToPath(new URL('../generated/readmes/', import.meta.url)),
  join(REPO_ROOT, 'tsconfig.base.json'),
);

/** The options a team sets on its first day, which every client README's first call must show. */
const DAY_ONE_OPTIONS = ['endpoint', 'region', 'credentials', 'timeoutMs', 'retry', 'logger'];

it('type-checks every TypeScript snippet against the built clients', async () => {
  expect(await runner.typecheck()).toEqual([]);
});

describe.each(['README.md', ...clientReadmes])('%s, for client users', (file) => {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const name = file === 'README.md' ? 'vms' : file.split('/')[1];

  it('shows how to install the client from packed tarballs', () => {
    expect(text).toContain(`pnpm pack:clients ${name}`);
    expect(text).toMatch(/npm install \S+\.tgz/);
  });

  it('makes a first call that sets every day-one option, in plain JavaScript (Node 20 runs it as .mjs)', () => {
    const first = snippets.get(file)?.find((snippet) => snippet.language === 'ts');
    expect(first, `${file} has no runnable TypeScript snippet`).toBeDefined();
    const code = first?.code ?? '';
    const missing = DAY_ONE_OPTIONS.filter((option) => !new RegExp(`\\b${option}:`).test(code));
    expect(missing, `${file}:${first?.line}: options not shown`).toEqual([]);
    // Parsed as a JavaScript module, as `node first-call.mjs` would: a type annotation is a syntax error.
    const parsed = spawnSync(process.execPath, ['--input-type=module', '--check', '-'], {
      input: code,
      encoding: 'utf8',
    });
    expect(parsed.stderr, `${file}:${first?.line}: not plain JavaScript`).toBe('');
  });
});

describe.each(readmes)('runnable snippets of %s', (file) => {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    mock = await startMockServer({
      specs: services.map((service) => loadService(join(REPO_ROOT, service.bundle))),
    });
  });
  afterAll(() => mock?.close());

  it('has some', () => {
    expect(snippets.get(file)?.length).toBeGreaterThan(0);
  });
  for (const snippet of snippets.get(file) ?? [])
    it(`line ${snippet.line} (${snippet.language})`, () => runner.run(snippet, mock.url));
});
