#!/usr/bin/env node
// pnpm new-service <name> --endpoint <url> --signing-service <svc> --region <region> --version <YYYY-MM-DD>
//   [--title <text>] [--title-zh <text>]
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { scaffoldService } from './scaffold.ts';

const USAGE =
  'usage: pnpm new-service <name> --endpoint <url> --signing-service <svc> --region <region> --version <YYYY-MM-DD> [--title <text>] [--title-zh <text>]';

function fail(message: string): never {
  process.stderr.write(`new-service: ${message}\n${USAGE}\n`);
  process.exit(2);
}

// `pnpm new-service -- …` passes the `--` along; dropping it keeps the options options.
const { positionals, values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        'signing-service': { type: 'string' },
        region: { type: 'string' },
        version: { type: 'string' },
        title: { type: 'string' },
        'title-zh': { type: 'string' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
})();
const [name] = positionals;
const missing = ['endpoint', 'signing-service', 'region', 'version'].filter(
  (key) => !values[key as keyof typeof values],
);
if (!name || missing.length)
  fail(`missing ${[...(name ? [] : ['<name>']), ...missing.map((key) => `--${key}`)].join(', ')}`);

try {
  const written = scaffoldService(REPO_ROOT, {
    name,
    endpoint: values.endpoint as string,
    signingService: values['signing-service'] as string,
    region: values.region as string,
    version: values.version as string,
    ...(values.title ? { title: values.title } : {}),
    ...(values['title-zh'] ? { titleZh: values['title-zh'] } : {}),
  });
  process.stdout.write(
    `new-service: ${name} added (${written.length} files):\n${written.map((path) => `  ${path}`).join('\n')}\nNext: pnpm install, then pnpm api:report (builds, and writes packages/${name}/api.md, which the gate requires current); describe the real Actions in spec/${name}/.\n`,
  );
} catch (error) {
  fail((error as Error).message);
}
