// Finds the operation a request addresses from its `Action` and `Version` query parameters.
import type { MockOperation, MockSpec } from './spec.ts';

export type RouteFailure = {
  ok: false;
  code: 'MissingAction' | 'MissingParameter' | 'InvalidActionOrVersion' | 'InvalidParameter';
  message: string;
  action?: string;
  version?: string;
};

export type RouteResult = { ok: true; operation: MockOperation } | RouteFailure;

export interface Router {
  route(search: URLSearchParams): RouteResult;
  /** The operation with this Action and Version, if the service has it. */
  find(action: string, version: string): MockOperation | undefined;
  /** Why `method` cannot call `operation`, or undefined when it can. */
  methodProblem(operation: MockOperation, method: string): string | undefined;
  /** Every operation with this Action name, whatever its Version. */
  byAction(action: string): MockOperation[];
}

const routeKey = (action: string, version: string) => `${action}\n${version}`;

export function createRouter(spec: MockSpec): Router {
  const table = new Map<string, MockOperation>();
  for (const operation of spec.operations)
    table.set(routeKey(operation.action, operation.version), operation);

  return {
    route(search) {
      const action = search.get('Action') ?? '';
      const version = search.get('Version') ?? '';
      if (!action) return { ok: false, code: 'MissingAction', message: 'The request is missing an action.' };
      // Two Actions (or Versions) name no one operation: refused rather than guessing which one counts.
      for (const name of ['Action', 'Version']) {
        if (search.getAll(name).length > 1) {
          return {
            ok: false,
            code: 'InvalidParameter',
            message: `The specified parameter ${name} is invalid: it is given more than once.`,
            action,
          };
        }
      }
      if (!version) {
        return {
          ok: false,
          code: 'MissingParameter',
          message: 'The required parameter Version is missing.',
          action,
        };
      }
      const operation = table.get(routeKey(action, version));
      if (operation) return { ok: true, operation };
      return {
        ok: false,
        code: 'InvalidActionOrVersion',
        message: `Could not find operation ${action} for version ${version}.`,
        action,
        version,
      };
    },
    find(action, version) {
      return table.get(routeKey(action, version));
    },
    methodProblem(operation, method) {
      const expected = operation.method;
      if (method.toUpperCase() === expected) return undefined;
      return `The specified action is invalid: ${operation.action} must be called with ${expected}, not ${method.toUpperCase()}.`;
    },
    byAction(action) {
      return spec.operations.filter((operation) => operation.action === action);
    },
  };
}
