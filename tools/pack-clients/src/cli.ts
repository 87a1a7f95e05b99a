#!/usr/bin/env node
// pnpm pack:clients [<service> ...] [--out <dir>]: packs the clients of the named services (default:
// every service of the registry) together with the workspace packages they depend on (the runtime and
// the signer), after `pnpm build`. pnpm replaces the `workspace:^` ranges with the versions packed, so
// `npm install <dir>/*.tgz` in any project installs a working client.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';

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

/** The folder of every workspace package, by name. */
const workspace = new Map<string, string>();
for (const group of ['packages', 'spec', 'tools'])
  for (const entry of readdirSync(join(REPO_ROOT, group))) {
    const manifest = join(REPO_ROOT, group, entry, 'package.json');
    if (existsSync(manifest))
      workspace.set(
        (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name,
        join(REPO_ROOT, group, entry),
      );
  }

/** A package and, first, the workspace packages it depends on at run time. */
function closure(name: string, into: string[] = []): string[] {
  const dir = workspace.get(name);
  if (!dir || into.includes(name)) return into;
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) closure(dependency, into);
  into.push(name);
  return into;
}

let services: ReturnType<typeof readRegistry>;
try {
  services = positionals.length ? positionals.map((name) => findService(name)) : readRegistry();
} catch (error) {
  fail((error as Error).message);
}
const packages = [...new Set(services.flatMap((service) => closure(service.clientPackage)))];
mkdirSync(out, { recursive: true });
const tarballs: string[] = [];
for (const name of packages) {
  const dir = workspace.get(name) as string;
  if (!existsSync(join(dir, 'dist'))) fail(`${name} is not built (no ${dir}/dist): run pnpm build first`);
  const printed = execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, encoding: 'utf8' });
  const tarball = printed.trim().split('\n').at(-1) ?? '';
  tarballs.push(tarball);
}
process.stdout.write(
  `pack:clients: ${tarballs.length} packages in ${out}\n${tarballs.map((file) => `  ${file}`).join('\n')}\nInstall them in your project with:\n  npm install ${tarballs.join(' ')}\n`,
);
