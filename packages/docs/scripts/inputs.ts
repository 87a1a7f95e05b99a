// What one service's docs are made from, for the generate and build scripts to redo only the services
// whose inputs changed (turbo reruns a whole task when any service changes). A missing entry here would
// keep a stale page, so each list names whole source folders rather than single files.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf } from '@volc-openapi/codegen';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { PACKAGE_DIR, type SiteService } from './site.ts';

const repo = (...paths: string[]) => paths.map((path) => join(REPO_ROOT, path));

/** `volc-codegen docs` of one service: its bundle, spec package (changelog) and pending changesets. */
export const generateDigest = (service: SiteService): string =>
  digestOf([
    service.bundle,
    join(REPO_ROOT, service.entry.specDir, 'CHANGELOG.md'),
    ...repo(
      '.changeset',
      'spec/services.yaml',
      'tools/codegen/src',
      'tools/spec-model/src',
      'tools/postman/src',
    ),
    ...repo('pnpm-lock.yaml', 'packages/docs/scripts'),
  ]);

/** The Redoc page of one service: its generated docs, and what renders them (Redoc, console, signer). */
export const buildDigest = (service: SiteService): string =>
  digestOf([
    service.generatedDir,
    service.bundle,
    ...repo(
      'redocly.yaml',
      'pnpm-lock.yaml',
      'tools/codegen/src',
      'tools/spec-model/src',
      'tools/postman/src',
    ),
    ...repo('packages/signer/dist', 'packages/runtime/dist'),
    ...['scripts', 'console', 'template.hbs'].map((path) => join(PACKAGE_DIR, path)),
  ]);

/** Removes the folders under `dir` of services no longer built (renamed or dropped from the registry). */
export function removeOthers(dir: string, built: SiteService[]): void {
  const names = new Set(built.map((service) => service.entry.name));
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory() && !names.has(entry.name))
      rmSync(join(dir, entry.name), { recursive: true, force: true });
}
