// Regenerating only what changed inside one task: turbo reruns a task when any of its inputs changes,
// but a task that writes one output per service (contract cases, docs) need only redo the services
// whose own inputs or generator changed. A digest of those inputs is kept beside each output.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = '.inputs-digest';

/** A digest of files' and folders' contents (folders walked in name order, node_modules skipped). */
export function digestOf(paths: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (!existsSync(path)) {
      hash.update(`missing ${path}\n`);
      return;
    }
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (entry !== 'node_modules') add(join(path, entry));
      return;
    }
    hash.update(`file ${path}\n`);
    hash.update(readFileSync(path));
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}

/** Whether `dir` was last written from inputs with this digest. */
export function upToDate(dir: string, digest: string): boolean {
  const stamp = join(dir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest;
}

/** Records that `dir` now holds what inputs with this digest produce. */
export function markUpToDate(dir: string, digest: string): void {
  writeFileSync(join(dir, STAMP), `${digest}\n`);
}
