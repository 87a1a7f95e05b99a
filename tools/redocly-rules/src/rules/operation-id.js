import { HTTP_METHODS, parsePathKey, versionedOperationId } from '../rpc-path.js';

/**
 * The operationId is the Action of the path key. When the spec describes one Action at several
 * Versions, exactly one keeps the bare Action, and every other is `{Action}_{YYYYMMDD}`. Which one keeps
 * it is a release decision (spec/README.md): the bare name stays with the Version it was released
 * with, a new Version gets the suffixed name, and moving the bare name renames a released method, which
 * `pnpm spec:check` reports as a breaking change of the client.
 */
export default function OperationId() {
  /** @type {Map<string, { version: string, location: object }[]>} bare operationIds by Action */
  const bare = new Map();
  /** @type {Map<string, { version: string, location: object }[]>} every operation by Action */
  const all = new Map();
  /** Actions with an operationId of neither form, already reported. */
  const misnamed = new Set();
  return {
    PathItem: {
      enter(pathItem, ctx) {
        const parsed = parsePathKey(String(ctx.key));
        if (!parsed) return;
        const suffixed = versionedOperationId(parsed.action, parsed.version);
        for (const method of HTTP_METHODS) {
          const operation = pathItem[method];
          if (!operation) continue;
          const actual = operation.operationId;
          const location =
            actual === undefined
              ? ctx.location.child([method]).key()
              : ctx.location.child([method, 'operationId']);
          all.set(parsed.action, [...(all.get(parsed.action) ?? []), { version: parsed.version, location }]);
          if (actual === parsed.action)
            bare.set(parsed.action, [
              ...(bare.get(parsed.action) ?? []),
              { version: parsed.version, location },
            ]);
          else if (actual !== suffixed) {
            misnamed.add(parsed.action);
            ctx.report({
              message:
                actual === undefined
                  ? `Operation "${ctx.key}" has no operationId; it must be "${parsed.action}" (or "${suffixed}" beside another Version that keeps "${parsed.action}").`
                  : `operationId "${actual}" must be the Action of its path key, "${parsed.action}", or "${suffixed}" beside another Version that keeps "${parsed.action}".`,
              location,
            });
          }
        }
      },
    },
    Root: {
      leave(_root, ctx) {
        for (const [action, operations] of all) {
          // The oldest holder is taken as the released one: the newer ones are those to rename.
          const holders = [...(bare.get(action) ?? [])].sort((a, b) => a.version.localeCompare(b.version));
          if (holders.length === 0 && !misnamed.has(action)) {
            const newest = [...operations].sort((a, b) => b.version.localeCompare(a.version))[0];
            if (newest)
              ctx.report({
                message: `No Version of ${action} has the operationId "${action}": one must keep it (the Version it was released with; a new Action's newest).`,
                location: newest.location,
              });
          }
          for (const extra of holders.slice(1))
            ctx.report({
              message: `operationId "${action}" is already Version ${holders[0]?.version}'s: only one Version keeps the bare name; this one is "${versionedOperationId(action, extra.version)}" (a new Version gets the suffixed name until a major release moves the bare one).`,
              location: extra.location,
            });
        }
      },
    },
  };
}
