import { expectedOperationId, HTTP_METHODS, parsePathKey } from '../rpc-path.js';

/**
 * The operationId is the Action of the path key. When the spec describes one Action at several
 * Versions, the newest keeps the bare Action and older ones get `{Action}_{YYYYMMDD}`, so ids stay unique.
 */
export default function OperationId() {
  /** @type {Map<string, string[]>} */
  const versionsByAction = new Map();
  return {
    Paths: {
      enter(paths) {
        for (const key of Object.keys(paths)) {
          const parsed = parsePathKey(key);
          if (!parsed) continue;
          const versions = versionsByAction.get(parsed.action) ?? [];
          versions.push(parsed.version);
          versionsByAction.set(parsed.action, versions);
        }
      },
    },
    PathItem: {
      enter(pathItem, ctx) {
        const parsed = parsePathKey(String(ctx.key));
        if (!parsed) return;
        const versions = versionsByAction.get(parsed.action) ?? [parsed.version];
        const newest = versions.every((version) => version <= parsed.version);
        const expected = expectedOperationId(parsed.action, parsed.version, newest);
        for (const method of HTTP_METHODS) {
          const operation = pathItem[method];
          if (!operation || operation.operationId === expected) continue;
          const actual = operation.operationId;
          ctx.report({
            message:
              actual === undefined
                ? `Operation "${ctx.key}" has no operationId; it must be "${expected}".`
                : `operationId "${actual}" must equal the Action of its path key: "${expected}".`,
            location:
              actual === undefined
                ? ctx.location.child([method]).key()
                : ctx.location.child([method, 'operationId']),
          });
        }
      },
    },
  };
}
