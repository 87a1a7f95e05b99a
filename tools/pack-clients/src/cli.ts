#!/usr/bin/env node
// pnpm pack:clients [<service>|credentials ...] [--out <dir>]: packs the clients of the named services
// (default: every service of the registry), or the credentials package, together with the workspace
// packages they depend on (the runtime, the signer, the STS client), after `pnpm build`. pnpm replaces the `workspace:^` ranges with the versions packed, so
// `npm install <dir>/*.tgz` in any project installs a working client.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findService, readRegistry } from '@volc-openapi/spec-model';
import { readWorkspace, runtimeClosure, type WorkspacePackage } from '@volc-openapi/workspace-graph';

function fail(message: string): never {
  process.stderr.write(`pack:clients: ${message}\n`);
  process.exit(2);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: { out: { type: 'string', default: 'packs' } },
    });
  } catch (error) {
    fail((error as Error).message);
  }
})();
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);

const workspace = readWorkspace();

/** Packages published beside the clients that can be packed by their short name. */
const COMPANIONS = ['credentials'];

let requested: string[];
try {
  requested = positionals.length
    ? positionals.map((name) =>
        COMPANIONS.includes(name) ? `@volc-openapi/${name}` : findService(name).clientPackage,
      )
    : readRegistry().map((service) => service.clientPackage);
} catch (error) {
  fail(`${(error as Error).message} (besides services: ${COMPANIONS.join(', ')})`);
}
const packages = [...new Set(requested.flatMap((name) => runtimeClosure(workspace, name)))];
mkdirSync(out, { recursive: true });
const tarballs: string[] = [];
for (const name of packages) {
  const { dir } = workspace.get(name) as WorkspacePackage;
  if (!existsSync(join(dir, 'dist'))) fail(`${name} is not built (no ${dir}/dist): run pnpm build first`);
  const printed = execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, encoding: 'utf8' });
  const tarball = printed.trim().split('\n').at(-1) ?? '';
  tarballs.push(tarball);
}
process.stdout.write(
  `pack:clients: ${tarballs.length} packages in ${out}\n${tarballs.map((file) => `  ${file}`).join('\n')}\nInstall them in your project with:\n  npm install ${tarballs.join(' ')}\n`,
);
