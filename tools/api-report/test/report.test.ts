// The API report of real built packages through the command: written, found current, found stale with
// the first differing lines; and the entries a package's `exports` give consumers.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entriesOf, firstDifference, publishedPackages } from '../src/index.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe('entries', () => {
  it("names every declaration entry of the signer's exports with the conditions that reach it", () => {
    const signer = publishedPackages(REPO).find((pkg) => pkg.name === '@volc-openapi/signer');
    expect(signer?.entries.map((entry) => `${entry.file}: ${entry.reachedAs.join(', ')}`)).toEqual([
      'dist/node.d.ts: @volc-openapi/signer (node)',
      'dist/presign-node.d.ts: @volc-openapi/signer/presign (node)',
      'dist/presign-web.d.ts: @volc-openapi/signer/presign (browser, worker, default)',
      'dist/verify-node.d.ts: @volc-openapi/signer/verify (node)',
      'dist/verify-web.d.ts: @volc-openapi/signer/verify (browser, worker, default)',
      'dist/web.d.ts: @volc-openapi/signer (browser, worker, default)',
    ]);
    expect(
      entriesOf('@x/y', { '.': { types: './dist/index.d.ts' }, './package.json': './package.json' }),
    ).toEqual([{ file: 'dist/index.d.ts', name: 'index', reachedAs: ['@x/y'] }]);
  });

  it('shows where two reports first differ', () => {
    expect(firstDifference('a\nb\nc\n', 'a\nB\nc\n', 1)).toBe('line 2:\n- b\n+ B');
  });
});

describe('volc-api-report', () => {
  it('writes a report, finds it current, then stale once the built API changes', () => {
    const root = mkdtempSync(join(tmpdir(), 'api-report-'));
    const dir = join(root, 'packages', 'credentials');
    mkdirSync(join(root, 'spec'), { recursive: true });
    writeFileSync(join(root, 'spec/services.yaml'), 'services: []\n');
    const source = join(REPO, 'packages', 'credentials');
    mkdirSync(dir, { recursive: true });
    for (const name of ['package.json', 'dist'])
      cpSync(join(source, name), join(dir, name), { recursive: true });
    symlinkSync(join(source, 'node_modules'), join(dir, 'node_modules'));
    const run = (command: string) =>
      spawnSync(process.execPath, [cli, command, '--root', root], { encoding: 'utf8' });

    expect(run('write').status).toBe(0);
    const report = readFileSync(join(dir, 'api.md'), 'utf8');
    expect(report).toBe(readFileSync(join(source, 'api.md'), 'utf8'));
    expect(report).toContain('export function fromAssumeRole(');
    expect(run('check').status).toBe(0);

    const types = join(dir, 'dist/index.d.ts');
    // fromOidc stops being exported: its declaration stays, its `export` goes.
    const unexported = readFileSync(types, 'utf8').replace(/^export (declare function fromOidc\()/m, '$1');
    expect(unexported).not.toMatch(/export declare function fromOidc\(/);
    writeFileSync(types, unexported);
    const stale = run('check');
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('@volc-openapi/credentials: packages/credentials/api.md is stale');
    expect(stale.stdout).toMatch(/\n- export function fromOidc\(/);
  });
});
