// The service registry (spec/services.yaml): which services the repo builds. Every per-service name
// (spec folder, packages, factory, docs page, mock route) is derived here, in one place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isObject, SpecModelError } from './json.ts';

export interface ServiceEntry {
  /** Lower-case service name, e.g. `vms`: folder, package and route name. */
  name: string;
  /** Human title, e.g. `Volcengine VMS`. */
  title: string;
  /** Chinese product name, e.g. `语音服务`. */
  titleZh: string;
  /** `spec/<name>` from the repository root. */
  specDir: string;
  /** The bundled spec, `spec/<name>/dist/openapi.json` from the repository root. */
  bundle: string;
  /** The gate's baseline, `spec/<name>/baseline.openapi.json`. */
  baseline: string;
  specPackage: string;
  clientPackage: string;
  /** `Vms` for `vms`: prefix of the generated type names. */
  typePrefix: string;
  /** `createVmsClient` for `vms`. */
  factory: string;
}

/** The repository root (this package sits at tools/spec-model). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const REGISTRY_FILE = 'spec/services.yaml';

const NAME = /^[a-z][a-z0-9]*$/;

/** The derived names of one service. */
export function serviceEntry(name: string, title: string, titleZh: string): ServiceEntry {
  const typePrefix = name.charAt(0).toUpperCase() + name.slice(1);
  return {
    name,
    title,
    titleZh,
    specDir: `spec/${name}`,
    bundle: `spec/${name}/dist/openapi.json`,
    baseline: `spec/${name}/baseline.openapi.json`,
    specPackage: `@volc-openapi/${name}-spec`,
    clientPackage: `@volc-openapi/${name}`,
    typePrefix,
    factory: `create${typePrefix}Client`,
  };
}

/** Parses registry text; errors name the file and the entry. */
export function parseRegistry(text: string, file = REGISTRY_FILE): ServiceEntry[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new SpecModelError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const list = isObject(data) ? data.services : undefined;
  if (!Array.isArray(list)) throw new SpecModelError(`${file}: expected "services:" with a list of services`);
  const seen = new Set<string>();
  return list.map((item, index) => {
    const where = `${file}: services[${index}]`;
    if (!isObject(item) || typeof item.name !== 'string' || !NAME.test(item.name))
      throw new SpecModelError(`${where}: "name" must be lower-case letters and digits, e.g. "sms"`);
    if (seen.has(item.name)) throw new SpecModelError(`${where}: "${item.name}" is listed twice`);
    seen.add(item.name);
    if (typeof item.title !== 'string' || typeof item.titleZh !== 'string')
      throw new SpecModelError(`${where} (${item.name}): "title" and "titleZh" are required text`);
    return serviceEntry(item.name, item.title, item.titleZh);
  });
}

/** The services of the repository at `root` (default: this checkout). */
export function readRegistry(root: string = REPO_ROOT): ServiceEntry[] {
  return parseRegistry(readFileSync(join(root, REGISTRY_FILE), 'utf8'));
}

/** One service of the registry by name; the error lists the known ones. */
export function findService(name: string, root: string = REPO_ROOT): ServiceEntry {
  const services = readRegistry(root);
  const found = services.find((service) => service.name === name);
  if (!found)
    throw new SpecModelError(
      `no service "${name}" in ${REGISTRY_FILE} (known: ${services.map((s) => s.name).join(', ')})`,
    );
  return found;
}
