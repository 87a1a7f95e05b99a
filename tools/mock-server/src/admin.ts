// The `/__mock/*` control endpoints: health, scenarios, the request log and state. They are not
// signed and answer plain JSON (not the API envelope), since they are the mock's own API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http.ts';
import type { RequestLog } from './requests.ts';
import { checkScenario, parseScenario, type ScenarioStore } from './scenarios.ts';
import type { MockStateView } from './server.ts';
import type { MockService } from './service.ts';

export const ADMIN_PREFIX = '/__mock/';

export interface AdminContext {
  /** The services served; the first is the default one. */
  services: MockService[];
  scenarios: ScenarioStore;
  requests: RequestLog;
  /** Every service's state (deleted keys, issued credentials) as one. */
  state: MockStateView;
}

function parseJsonBody(body: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(body)) };
  } catch {
    return { ok: false };
  }
}

type Reply = [status: number, body: unknown];

const describe = (service: MockService) => ({
  service: service.spec.signing.service,
  region: service.spec.signing.region,
  operations: service.spec.operations.length,
});

function reply(context: AdminContext, route: string, body: Uint8Array): Reply {
  const [first] = context.services;
  switch (route) {
    case 'GET health':
      // The top-level fields describe the default service; `services` lists them all when several.
      return [
        200,
        {
          ok: true,
          ...(first ? describe(first) : {}),
          ...(context.services.length > 1 ? { services: context.services.map(describe) } : {}),
        },
      ];
    case 'GET scenarios':
      return [200, { scenarios: context.scenarios.list() }];
    case 'POST scenarios': {
      const json = parseJsonBody(body);
      if (!json.ok) return [400, { error: 'the body must be a JSON scenario object' }];
      const parsed = parseScenario(json.value);
      if (!parsed.ok) return [400, { error: parsed.message }];
      const problem = checkScenario(context.services, parsed.scenario);
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
      return [
        200,
        {
          deleted: context.state.snapshot(),
          ...(context.services.length > 1
            ? {
                services: Object.fromEntries(
                  context.services.map((service) => [
                    service.spec.signing.service,
                    { deleted: service.state.snapshot() },
                  ]),
                ),
              }
            : {}),
        },
      ];
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
