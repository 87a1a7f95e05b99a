// The spec against the reference inventory of the real VMS API: every inventory entry, by Action and
// Version, is described by the spec or excluded with a reason in exclusions.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const INVENTORY = here('../../../../shared/reference/vms/inventory.yaml');

interface InventoryAction {
  action: string;
  version: string;
  other_versions?: string[];
}
interface Exclusion {
  action: string;
  version: string;
  reason: string;
}

if (!existsSync(INVENTORY)) {
  throw new Error(
    `The reference inventory is missing at ${INVENTORY}; this test needs ../shared/ beside the checkout.`,
  );
}

const inventory = (parse(readFileSync(INVENTORY, 'utf8')) as { actions: InventoryAction[] }).actions;
const exclusions = parse(readFileSync(here('../exclusions.yaml'), 'utf8')) as Exclusion[];
const spec = JSON.parse(readFileSync(here('../dist/openapi.json'), 'utf8')) as {
  paths: Record<string, unknown>;
};

const key = (action: string, version: string) => `${action}@${version}`;
const entries = inventory.flatMap((entry) => [
  key(entry.action, entry.version),
  ...(entry.other_versions ?? []).map((other) => key(entry.action, other.slice(0, 10))),
]);
const described = new Set(
  Object.keys(spec.paths).map((path) => {
    const match = /^\/\?Action=(\w+)&Version=([\d-]+)$/.exec(path);
    return match ? key(match[1] ?? '', match[2] ?? '') : path;
  }),
);
const excluded = new Map(exclusions.map((entry) => [key(entry.action, entry.version), entry.reason]));

describe('inventory coverage', () => {
  it('describes or explicitly excludes every inventory entry', () => {
    const missing = entries.filter((entry) => !described.has(entry) && !excluded.has(entry));
    const coverage = `${entries.length - missing.length}/${entries.length}`;
    console.log(
      `inventory coverage: ${coverage} (${described.size} described, ${excluded.size} excluded with a reason)`,
    );
    expect(missing, `not in the spec and not excluded (coverage ${coverage})`).toEqual([]);
  });

  it('excludes only real inventory entries, each with a reason, none also described', () => {
    for (const [entry, reason] of excluded) {
      expect(entries, `${entry} is excluded but not in the inventory`).toContain(entry);
      expect(described.has(entry), `${entry} is both described and excluded`).toBe(false);
      expect(reason.trim().length).toBeGreaterThan(20);
    }
  });

  it('describes nothing that the inventory does not know', () => {
    expect([...described].filter((entry) => !entries.includes(entry))).toEqual([]);
  });
});
