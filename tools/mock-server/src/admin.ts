// The `/__mock/*` control endpoints: health, scenarios, the request log and state. They are not
// signed and answer plain JSON (not the VMS envelope), since they are the mock's own API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http.ts';
import type { RequestLog } from './requests.ts';
import type { Router } from './routing.ts';
import { checkScenario, parseScenario, type ScenarioStore } from './scenarios.ts';
import type { MockSpec } from './spec.ts';
import type { MockState } from './state.ts';

export const ADMIN_PREFIX = '/__mock/';

export interface AdminContext {
  spec: MockSpec;
  router: Router;
  scenarios: ScenarioStore;
  requests: RequestLog;
  state: MockState;
}

function parseJsonBody(body: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(body)) };
  } catch {
    return { ok: false };
  }
}

type Reply = [status: number, body: unknown];

function reply(context: AdminContext, route: string, body: Uint8Array): Reply {
  switch (route) {
    case 'GET health':
      return [
        200,
        {
          ok: true,
          service: context.spec.signing.service,
          region: context.spec.signing.region,
          operations: context.spec.operations.length,
        },
      ];
    case 'GET scenarios':
      return [200, { scenarios: context.scenarios.list() }];
    case 'POST scenarios': {
      const json = parseJsonBody(body);
      if (!json.ok) return [400, { error: 'the body must be a JSON scenario object' }];
      const parsed = parseScenario(json.value);
      if (!parsed.ok) return [400, { error: parsed.message }];
      const problem = checkScenario(context.spec, context.router, parsed.scenario);
      if (problem) return [400, { error: problem }];
      return [201, { scenario: context.scenarios.add(parsed.scenario) }];
    }
    case 'DELETE scenarios':
      return [200, { cleared: context.scenarios.clear() }];
    case 'GET requests':
      return [200, { requests: context.requests.list() }];
    case 'DELETE requests':
      context.requests.clear();
      return [200, { cleared: true }];
    case 'GET state':
      return [200, { deleted: context.state.snapshot() }];
    case 'DELETE state':
      context.state.reset();
      return [200, { cleared: true }];
    default:
      return [
        404,
        {
          error: `no mock endpoint ${route}; try GET /__mock/health, GET|POST|DELETE /__mock/scenarios, GET|DELETE /__mock/requests, GET|DELETE /__mock/state`,
        },
      ];
  }
}

/** Handles one admin request; `body` is the already-read request body. */
export function handleAdmin(
  context: AdminContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Uint8Array,
): void {
  const [status, answer] = reply(context, `${req.method ?? 'GET'} ${path.slice(ADMIN_PREFIX.length)}`, body);
  sendJson(res, status, answer);
}
