#!/usr/bin/env node
// pnpm postman [--out <dir>]: writes `<name>.postman_collection.json` and `<name>.postman_environment.json`
// for every service of the registry, from its built bundle (default folder: generated/postman).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { postmanCollection, postmanEnvironment } from './collection.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { out: { type: 'string', default: 'generated/postman' } },
});
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
mkdirSync(out, { recursive: true });
for (const entry of readRegistry()) {
  let model: ReturnType<typeof loadService>;
  try {
    model = loadService(join(REPO_ROOT, entry.bundle));
  } catch (error) {
    process.stderr.write(`volc-postman: ${entry.name}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(join(out, `${entry.name}.postman_collection.json`), json(postmanCollection(model, entry)));
  writeFileSync(join(out, `${entry.name}.postman_environment.json`), json(postmanEnvironment(model, entry)));
}
process.stdout.write(`postman: a collection and an environment per service in ${out}\n`);
