// A little memory between calls, for behaviour a spec cannot express: once a resource is deleted,
// list answers stop showing it. Rules are data keyed by Action names; the engine knows no Action.
import { isObject, type JsonObject } from './spec.ts';

export interface DeleteRule {
  /** The Action that deletes. */
  action: string;
  /** Input field holding the key of the deleted item; also echoed into `Result` when it has it. */
  key: string;
}

export interface ListRule {
  /** An Action whose answer lists items. */
  action: string;
  /** Field of `Result` holding the item array. */
  items: string;
  /** Field of each item matched against deleted keys of the same name. */
  key: string;
  /** Field of `Result` counting all items, lowered by the number removed. */
  total?: string;
}

export interface StateRules {
  deletes: DeleteRule[];
  lists: ListRule[];
}

/** The VMS voice-resource rules. */
export const DEFAULT_STATE_RULES: StateRules = {
  deletes: [{ action: 'OpenDeleteResource', key: 'ResourceKey' }],
  lists: [
    { action: 'QueryOpenGetResource', items: 'Records', key: 'ResourceKey', total: 'Total' },
    { action: 'QueryUsableResourceV2', items: 'Records', key: 'ResourceKey' },
  ],
};

export interface MockState {
  /** Applies the rules to a successful answer (mutated in place) given the call's decoded input. */
  apply(action: string, input: JsonObject, answer: JsonObject): void;
  /** Deleted keys by key field name. */
  snapshot(): Record<string, string[]>;
  reset(): void;
}

export function createState(rules: StateRules = DEFAULT_STATE_RULES): MockState {
  const deleted = new Map<string, Set<string>>();
  return {
    apply(action, input, answer) {
      const result = answer.Result;
      for (const rule of rules.deletes) {
        if (rule.action !== action) continue;
        const key = input[rule.key];
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const set = deleted.get(rule.key) ?? new Set<string>();
        set.add(String(key));
        deleted.set(rule.key, set);
        // The example answer names some other key; echo the one actually deleted.
        if (isObject(result) && rule.key in result) result[rule.key] = key;
      }
      for (const rule of rules.lists) {
        const gone = deleted.get(rule.key);
        if (rule.action !== action || !gone || !isObject(result)) continue;
        const items = result[rule.items];
        if (!Array.isArray(items)) continue;
        const kept = items.filter((item) => !(isObject(item) && gone.has(String(item[rule.key]))));
        result[rule.items] = kept;
        const total = rule.total === undefined ? undefined : result[rule.total];
        if (rule.total !== undefined && typeof total === 'number') {
          result[rule.total] = Math.max(0, total - (items.length - kept.length));
        }
      }
    },
    snapshot() {
      return Object.fromEntries([...deleted].map(([name, keys]) => [name, [...keys]]));
    },
    reset() {
      deleted.clear();
    },
  };
}
