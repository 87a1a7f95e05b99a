// A little memory between calls, for behaviour a schema cannot express: once a resource is deleted,
// list answers stop showing it; credentials an Action issues work on later calls. The rules are data a
// spec declares at its root (`x-volc-mock-state`), keyed by Action names; the engine knows no Action.
import { isObject, type JsonObject } from '@volc-openapi/spec-model';
import type { IssuedCredentials } from './sessions.ts';
import { MockConfigError } from './spec.ts';

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

export interface IssueRule {
  /** An Action that issues temporary credentials (STS AssumeRole). */
  action: string;
  /** Field of `Result` holding the credential set. */
  result: string;
  /** How long they last: an input field in seconds, the default when absent or below `min`, and a cap. */
  duration: { field: string; default: number; min: number; max: number };
}

export interface StateRules {
  deletes: DeleteRule[];
  lists: ListRule[];
  issues: IssueRule[];
}

/** The extension a spec declares its rules with. */
export const STATE_EXTENSION = 'x-volc-mock-state';

const NO_RULES: StateRules = { deletes: [], lists: [], issues: [] };

/**
 * The state rules a document declares at its root (`x-volc-mock-state: {deletes, lists, issues}`);
 * none when absent. A malformed declaration is a `MockConfigError` saying which entry and field.
 */
export function readStateRules(document: JsonObject): StateRules {
  const declared = document[STATE_EXTENSION];
  if (declared === undefined) return NO_RULES;
  const where = `root ${STATE_EXTENSION}`;
  if (!isObject(declared)) throw new MockConfigError(`${where} must be an object {deletes, lists, issues}`);
  const list = (name: keyof StateRules, fields: string[], optional: string[] = []) => {
    const entries = declared[name] ?? [];
    if (!Array.isArray(entries)) throw new MockConfigError(`${where}.${name} must be a list`);
    return entries.map((entry, index) => {
      const at = `${where}.${name}[${index}]`;
      if (!isObject(entry)) throw new MockConfigError(`${at} must be an object`);
      for (const field of [...fields, ...optional]) {
        const value = entry[field];
        if (value === undefined && optional.includes(field)) continue;
        if (typeof value !== 'string' || !value)
          throw new MockConfigError(`${at}.${field} must be a non-empty string`);
      }
      return entry;
    });
  };
  const issues = list('issues', ['action', 'result']).map((entry, index) => {
    const duration = entry.duration;
    const at = `${where}.issues[${index}].duration`;
    if (!isObject(duration) || typeof duration.field !== 'string')
      throw new MockConfigError(`${at} must be an object {field, default, min, max}`);
    for (const bound of ['default', 'min', 'max'])
      if (!Number.isInteger(duration[bound]) || (duration[bound] as number) <= 0)
        throw new MockConfigError(`${at}.${bound} must be a positive whole number of seconds`);
    return entry;
  });
  return {
    deletes: list('deletes', ['action', 'key']) as unknown as DeleteRule[],
    lists: list('lists', ['action', 'items', 'key'], ['total']) as unknown as ListRule[],
    issues: issues as unknown as IssueRule[],
  };
}

/** The lifetime an issuing call gets: the field's value, the default when absent or below `min`, capped. */
function lifetime(rule: IssueRule, input: JsonObject): number {
  const { field, default: fallback, min, max } = rule.duration;
  const asked = Number(input[field]);
  if (!Number.isFinite(asked) || asked < min) return fallback;
  return Math.min(Math.floor(asked), max);
}

export interface MockState {
  /** Applies the rules to a successful answer (mutated in place) given the call's decoded input. */
  apply(action: string, input: JsonObject, answer: JsonObject): void;
  /** Deleted keys by key field name. */
  snapshot(): Record<string, string[]>;
  reset(): void;
}

/** Issues a credential set lasting the given seconds (the server's session store and clock). */
export type Issuer = (lifetimeSeconds: number) => IssuedCredentials;

export function createState(rules: StateRules = NO_RULES, issue?: Issuer): MockState {
  const deleted = new Map<string, Set<string>>();
  return {
    apply(action, input, answer) {
      const result = answer.Result;
      for (const rule of rules.issues) {
        if (rule.action !== action || !issue || !isObject(result)) continue;
        const example = isObject(result[rule.result]) ? (result[rule.result] as JsonObject) : {};
        const issued = issue(lifetime(rule, input));
        // The federation answers may name the expiry `Expiration`: fill whichever the example has.
        result[rule.result] = {
          ...example,
          ...issued,
          ...('Expiration' in example ? { Expiration: issued.ExpiredTime } : {}),
        };
      }
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
