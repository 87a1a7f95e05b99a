// Every registered service's spec against the reference inventory of the real API, copied into the repo
// at spec/<name>/reference/inventory.yaml: every inventory entry (Action + Version, and each dated
// `other_versions` entry) is described by the spec or excluded with a reason in exclusions.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadService, REPO_ROOT, readRegistry } from '../src/index.ts';

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

const DATE = /^\d{4}-\d{2}-\d{2}/;
const key = (action: string, version: string) => `${action}@${version}`;
const read = (path: string) => parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as unknown;

describe.each(readRegistry().map((entry) => [entry.name, entry] as const))(
  '%s inventory coverage',
  (_name, entry) => {
    const inventoryPath = `${entry.specDir}/reference/inventory.yaml`;
    const hasInventory = existsSync(join(REPO_ROOT, inventoryPath));

    it.runIf(hasInventory)('describes or explicitly excludes every inventory entry', () => {
      const inventory = (read(inventoryPath) as { actions: InventoryAction[] }).actions;
      const exclusions = (read(`${entry.specDir}/exclusions.yaml`) as Exclusion[] | null) ?? [];
      const entries = inventory.flatMap((item) => [
        key(item.action, item.version),
        ...(item.other_versions ?? [])
          .filter((other) => DATE.test(other))
          .map((other) => key(item.action, other.slice(0, 10))),
      ]);
      const described = new Set(
        loadService(join(REPO_ROOT, entry.bundle)).operations.map((op) => key(op.action, op.version)),
      );
      const excluded = new Map(exclusions.map((item) => [key(item.action, item.version), item.reason]));
      const missing = entries.filter((item) => !described.has(item) && !excluded.has(item));
      const coverage = `${entries.length - missing.length}/${entries.length}`;
      console.log(
        `${entry.name} inventory coverage: ${coverage} (${described.size} described, ${excluded.size} excluded with a reason)`,
      );
      expect(missing, `not in the spec and not excluded (coverage ${coverage})`).toEqual([]);
      for (const [item, reason] of excluded) {
        expect(entries, `${item} is excluded but not in the inventory`).toContain(item);
        expect(described.has(item), `${item} is both described and excluded`).toBe(false);
        expect(reason.trim().length).toBeGreaterThan(20);
      }
      expect([...described].filter((item) => !entries.includes(item))).toEqual([]);
    });
  },
);

describe('reference inventories', () => {
  it('are in the repo for the three real services, so coverage runs on a fresh clone', () => {
    for (const name of ['vms', 'sms', 'sts'])
      expect(existsSync(join(REPO_ROOT, `spec/${name}/reference/inventory.yaml`)), name).toBe(true);
  });
});
