// Scenarios make the mock misbehave on purpose (errors, delays, broken answers) so clients can be
// tested against failures. They come from the `X-Mock-Scenario` header (one request) or from the
// admin endpoint (queued, optionally limited to an Action and a number of requests).
import { isObject } from '@volc-openapi/spec-model';
import { lookupError } from './envelope.ts';
import type { Router } from './routing.ts';
import type { MockOperation, MockSpec } from './spec.ts';

export const MALFORMED_KINDS = ['html', 'empty', 'truncated'] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

export interface Scenario {
  /** Only requests routed to this service (its signing service name, e.g. `vms`); any when absent. */
  service?: string;
  /** Only requests for this Action; every Action when absent. */
  action?: string;
  /** How many matching requests it applies to; unlimited (until cleared) when absent. */
  times?: number;
  /** An error Code documented by the operation; its status and CodeN come from the spec. */
  error?: string;
  /** HTTP status to answer with (overrides the documented one). */
  status?: number;
  /** Deliver the error envelope with HTTP 200, as some services do for business errors. */
  http200?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Destroy the connection instead of answering. */
  reset?: boolean;
  /** Answer with a body that is not the JSON envelope. */
  malformed?: MalformedKind;
}

export interface StoredScenario extends Scenario {
  id: number;
  /** Requests it still applies to; null when unlimited. */
  remaining: number | null;
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; message: string };

const MAX_DELAY_MS = 120_000;

const wholeNumber = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Checks the shape of a scenario given as JSON; unknown fields are refused so typos do not go unnoticed. */
export function parseScenario(input: unknown): ScenarioParse {
  if (!isObject(input)) return { ok: false, message: 'a scenario must be a JSON object' };
  const scenario: Scenario = {};
  for (const [key, value] of Object.entries(input)) {
    const bad = (want: string): ScenarioParse => ({ ok: false, message: `"${key}" must be ${want}` });
    switch (key) {
      case 'service':
      case 'action':
        if (typeof value !== 'string' || !value) return bad('a non-empty string');
        scenario[key] = value;
        break;
      case 'error':
        if (typeof value !== 'string' || !value) return bad('a non-empty string');
        scenario.error = value;
        break;
      case 'times':
        if (!wholeNumber(value, 1, Number.MAX_SAFE_INTEGER)) return bad('a whole number of at least 1');
        scenario.times = value;
        break;
      case 'status':
        if (!wholeNumber(value, 200, 599)) return bad('an HTTP status between 200 and 599');
        scenario.status = value;
        break;
      case 'delayMs':
        if (!wholeNumber(value, 0, MAX_DELAY_MS))
          return bad(`a whole number of milliseconds up to ${MAX_DELAY_MS}`);
        scenario.delayMs = value;
        break;
      case 'http200':
      case 'reset':
        if (typeof value !== 'boolean') return bad('true or false');
        scenario[key] = value;
        break;
      case 'malformed':
        if (!MALFORMED_KINDS.includes(value as MalformedKind))
          return bad(`one of ${MALFORMED_KINDS.join(', ')}`);
        scenario.malformed = value as MalformedKind;
        break;
      default:
        return { ok: false, message: `unknown scenario field "${key}"` };
    }
  }
  return { ok: true, scenario };
}

/**
 * Reads the `X-Mock-Scenario` header: either the JSON object the admin endpoint takes, or
 * `name=value` pairs separated by `;` (a bare name means true), e.g. `error=Throttling; delayMs=200`.
 */
export function parseScenarioHeader(text: string): ScenarioParse {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return parseScenario(JSON.parse(trimmed));
    } catch {
      return { ok: false, message: 'the header is neither valid JSON nor name=value pairs' };
    }
  }
  const fields: Record<string, unknown> = {};
  for (const pair of trimmed.split(';')) {
    if (!pair.trim()) continue;
    const [rawName = '', ...rest] = pair.split('=');
    const name = rawName.trim();
    const value = rest.join('=').trim();
    if (rest.length === 0 || value === 'true') fields[name] = true;
    else if (value === 'false') fields[name] = false;
    else if (/^\d+$/.test(value)) fields[name] = Number(value);
    else fields[name] = value;
  }
  return parseScenario(fields);
}

/** A service the mock serves, as scenarios see it. */
export interface ScenarioTarget {
  spec: MockSpec;
  router: Router;
}

/** Refuses scenarios the specs cannot back: an unknown service or Action, or an error code nobody documents. */
export function checkScenario(targets: ScenarioTarget[], scenario: Scenario): string | undefined {
  const chosen =
    scenario.service === undefined
      ? targets
      : targets.filter((target) => target.spec.signing.service === scenario.service);
  if (chosen.length === 0)
    return `the mock serves no service named ${scenario.service} (it serves ${targets.map((t) => t.spec.signing.service).join(', ')})`;
  const operations = chosen.flatMap((target) =>
    (scenario.action === undefined ? target.spec.operations : target.router.byAction(scenario.action)).map(
      (operation): [MockSpec, MockOperation] => [target.spec, operation],
    ),
  );
  if (operations.length === 0) return `the spec has no Action named ${scenario.action}`;
  const code = scenario.error;
  if (code === undefined || scenario.status !== undefined) return undefined;
  if (operations.some(([spec, operation]) => lookupError(spec, code, operation))) return undefined;
  const documented = [
    ...new Set(operations.flatMap(([, operation]) => operation.errors.map((error) => error.code))),
  ];
  return `error code ${code} is not documented${scenario.action ? ` for ${scenario.action}` : ''}; pass "status" to force it anyway, or use one of: ${documented.join(', ')}`;
}

export interface ScenarioStore {
  add(scenario: Scenario): StoredScenario;
  /** Takes the first queued scenario that applies to `action` of `service`, counting one use of it. */
  take(action: string, service?: string): Scenario | undefined;
  list(): StoredScenario[];
  /** Removes every queued scenario; returns how many there were. */
  clear(): number;
}

export function createScenarioStore(): ScenarioStore {
  let queue: StoredScenario[] = [];
  let nextId = 1;
  return {
    add(scenario) {
      const stored: StoredScenario = { ...scenario, id: nextId++, remaining: scenario.times ?? null };
      queue.push(stored);
      return { ...stored };
    },
    take(action, service) {
      const found = queue.find(
        (entry) =>
          (entry.action === undefined || entry.action === action) &&
          (entry.service === undefined || entry.service === service),
      );
      if (!found) return undefined;
      if (found.remaining !== null) {
        found.remaining -= 1;
        if (found.remaining <= 0) queue = queue.filter((entry) => entry !== found);
      }
      const { id: _id, remaining: _remaining, ...scenario } = found;
      return scenario;
    },
    list() {
      return queue.map((entry) => ({ ...entry }));
    },
    clear() {
      const count = queue.length;
      queue = [];
      return count;
    },
  };
}
