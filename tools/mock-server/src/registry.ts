// The services the mock serves by default: every service of the registry (spec/services.yaml) whose
// bundle has been built.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT, readRegistry, SpecModelError } from '@volc-openapi/spec-model';
import { loadSpecFile, MockConfigError, type MockSpec } from './spec.ts';

export interface RegistrySpec {
  /** The registry name, e.g. `vms`. */
  name: string;
  /** Absolute path of the bundle, `spec/<name>/dist/openapi.json`. */
  path: string;
  /** The service model, when the bundle exists and reads. */
  spec?: MockSpec;
  /** Why the service is not served (bundle not built, or unusable). */
  problem?: string;
}

/**
 * Every service of the registry at `root` (default: this checkout), each loaded from its bundle when
 * that exists. Problems are returned, not thrown: one service being written must not stop the others.
 */
export async function registrySpecs(root: string = REPO_ROOT): Promise<RegistrySpec[]> {
  let entries: ReturnType<typeof readRegistry>;
  try {
    entries = readRegistry(root);
  } catch (error) {
    if (error instanceof SpecModelError) throw new MockConfigError(error.message);
    throw error;
  }
  return Promise.all(
    entries.map(async (entry): Promise<RegistrySpec> => {
      const path = join(root, entry.bundle);
      if (!existsSync(path))
        return {
          name: entry.name,
          path,
          problem: `${entry.bundle} is not built (cd ${entry.specDir} && pnpm build)`,
        };
      try {
        return { name: entry.name, path, spec: (await loadSpecFile(path)).spec };
      } catch (error) {
        return { name: entry.name, path, problem: (error as MockConfigError).message };
      }
    }),
  );
}

/** The registry name of a bundle path (`spec/<name>/dist/openapi.json`), if it is one of the registry's. */
export function registryName(path: string, root: string = REPO_ROOT): string | undefined {
  try {
    return readRegistry(root).find((entry) => resolve(root, entry.bundle) === resolve(path))?.name;
  } catch {
    return undefined;
  }
}
