// The HTTP server: takes each request through routing, signature check, scenarios, input validation
// and the example answer, in that order, and writes the VMS envelope.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PREFIX, handleAdmin } from './admin.ts';
import { authenticate } from './auth.ts';
import { MOCK_CREDENTIALS } from './credentials.ts';
import {
  type CallContext,
  type EnvelopeAnswer,
  errorEnvelope,
  newRequestId,
  successEnvelope,
} from './envelope.ts';
import {
  answerPreflight,
  BodyTooLargeError,
  REQUEST_ID_HEADER,
  readBody,
  sendJson,
  sendText,
  setCorsHeaders,
} from './http.ts';
import { decodeInput } from './input.ts';
import { createRequestLog, type RecordedRequest, type RequestLog, redactHeaders } from './requests.ts';
import { createRouter, type Router } from './routing.ts';
import {
  checkScenario,
  createScenarioStore,
  parseScenarioHeader,
  type Scenario,
  type ScenarioStore,
} from './scenarios.ts';
import {
  isObject,
  type JsonObject,
  MockConfigError,
  type MockOperation,
  type MockSpec,
  readSpec,
} from './spec.ts';
import { createState, type MockState, type StateRules } from './state.ts';
import { createValidators, type OperationValidators } from './validation.ts';

export interface MockLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface MockServerOptions {
  /** The bundled OpenAPI document (parsed JSON). */
  spec: object;
  /** Access key id → secret key accepted for signing; defaults to `MOCK_CREDENTIALS`. */
  credentials?: Record<string, string>;
  /** The server clock, used for the Date header, RequestIds and the X-Date skew check. */
  now?: () => Date;
  /** Allowed distance between X-Date and the server clock; default 900 s. */
  maxSkewSeconds?: number;
  /** Receives one line per answered call; silent when absent. */
  logger?: MockLogger;
  /** Stateful rules (delete then list); `false` turns them off; default `DEFAULT_STATE_RULES`. */
  state?: boolean | StateRules;
  /** How many requests `GET /__mock/requests` remembers; default 100. */
  requestLogSize?: number;
  /** Largest body accepted; default 10 MiB. */
  maxBodyBytes?: number;
}

export interface MockServer {
  /** A node:http server, not yet listening. */
  server: Server;
  spec: MockSpec;
  scenarios: ScenarioStore;
  requests: RequestLog;
  state: MockState;
  /** The request handler, for mounting the mock inside another node:http server. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Stops listening, drops open connections and cancels delayed answers. */
  close(): Promise<void>;
}

export interface StartMockServerOptions extends MockServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

export interface RunningMockServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  mock: MockServer;
  close(): Promise<void>;
}

type Outcome =
  | { kind: 'envelope'; answer: EnvelopeAnswer }
  | { kind: 'text'; status: number; contentType: string; text: string }
  | { kind: 'reset' };

const NOOP_LOGGER: MockLogger = { info() {}, warn() {}, error() {} };
const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const HTML_ERROR_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>mock gateway</center>\r\n</body>\r\n</html>\r\n';

const envelope = (answer: EnvelopeAnswer): Outcome => ({ kind: 'envelope', answer });

function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return new URL(req.url ?? '/', 'http://localhost');
  }
}

export function createMockServer(options: MockServerOptions): MockServer {
  const spec = readSpec(options.spec);
  const router: Router = createRouter(spec);
  const validators: OperationValidators = createValidators(spec);
  const scenarios = createScenarioStore();
  const requests = createRequestLog(options.requestLogSize);
  const stateOption = options.state ?? true;
  const state = createState(typeof stateOption === 'object' ? stateOption : undefined);
  const stateful = stateOption !== false;
  const credentials = options.credentials ?? {
    [MOCK_CREDENTIALS.accessKeyId]: MOCK_CREDENTIALS.secretAccessKey,
  };
  const clock = options.now ?? (() => new Date());
  const logger = options.logger ?? NOOP_LOGGER;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  // Aborted on close so delayed answers do not keep the process alive.
  const closing = new AbortController();

  const fail = (code: string, call: CallContext, message?: string, operation?: MockOperation): Outcome =>
    envelope(
      errorEnvelope(spec, code, call, {
        ...(message ? { message } : {}),
        ...(operation ? { operation } : {}),
      }),
    );

  /**
   * The scenario for this request: the X-Mock-Scenario header when sent (it then replaces the queue
   * for this one request), else the first queued one that applies. A string explains a bad header.
   */
  function pickScenario(req: IncomingMessage, operation: MockOperation): Scenario | string | undefined {
    const header = req.headers['x-mock-scenario'];
    if (typeof header !== 'string' || !header.trim()) return scenarios.take(operation.action);
    const parsed = parseScenarioHeader(header);
    if (!parsed.ok) return parsed.message;
    const problem = checkScenario(spec, router, parsed.scenario);
    if (problem) return problem;
    const { action } = parsed.scenario;
    return action === undefined || action === operation.action ? parsed.scenario : undefined;
  }

  /** Carries out a scenario; undefined means "carry on and answer normally". */
  async function playScenario(scenario: Scenario, operation: MockOperation, call: CallContext) {
    if (scenario.delayMs) await sleep(scenario.delayMs, undefined, { signal: closing.signal });
    if (scenario.reset) return { kind: 'reset' } as const;

    let forced: EnvelopeAnswer | undefined;
    if (scenario.error !== undefined) {
      const status = scenario.http200 ? 200 : scenario.status;
      forced = errorEnvelope(spec, scenario.error, call, { operation, ...(status ? { status } : {}) });
    } else if (scenario.status !== undefined && scenario.status !== 200 && !scenario.malformed) {
      // A bare status picks the first error the operation documents with that status.
      const documented = [...operation.errors.values()].find((error) => error.status === scenario.status);
      forced = errorEnvelope(spec, documented?.code ?? 'InternalError', call, {
        operation,
        status: scenario.status,
      });
    }

    if (scenario.malformed === 'html') {
      return {
        kind: 'text',
        status: scenario.status ?? 502,
        contentType: 'text/html',
        text: HTML_ERROR_PAGE,
      } as const;
    }
    if (scenario.malformed) {
      const answer = forced ?? successEnvelope(spec, operation, call);
      const json = JSON.stringify(answer.body);
      return {
        kind: 'text',
        status: scenario.status ?? answer.status,
        contentType: 'application/json; charset=utf-8',
        // A well-formed HTTP answer whose JSON stops half-way, as from a proxy cutting a body.
        text: scenario.malformed === 'empty' ? '' : json.slice(0, Math.floor(json.length / 2)),
      } as const;
    }
    return forced ? envelope(forced) : undefined;
  }

  async function answer(
    req: IncomingMessage,
    url: URL,
    body: Uint8Array<ArrayBuffer>,
    call: CallContext,
  ): Promise<Outcome> {
    const route = router.route(url.searchParams);
    if (!route.ok) {
      if (route.action !== undefined) call.action = route.action;
      if (route.version !== undefined) call.version = route.version;
      return fail(route.code, call, route.message);
    }
    const { operation } = route;
    call.action = operation.action;
    call.version = operation.version;

    const methodProblem = router.methodProblem(operation, req.method ?? 'GET');
    if (methodProblem) return fail('InvalidAction', call, methodProblem, operation);

    const auth = await authenticate(
      { method: req.method ?? 'GET', url, headers: req.headers, body },
      {
        credentials,
        signing: spec.signing,
        now: clock(),
        maxSkewSeconds: options.maxSkewSeconds ?? 900,
      },
    );
    if (!auth.ok) return fail(auth.code, call, auth.message, operation);

    const picked = pickScenario(req, operation);
    if (typeof picked === 'string') {
      return fail(
        'InvalidParameter',
        call,
        `The specified parameter X-Mock-Scenario is invalid: ${picked}.`,
        operation,
      );
    }
    const scenario = picked;
    if (scenario) {
      const forced = await playScenario(scenario, operation, call);
      if (forced) return forced;
    }

    const decoded = await decodeInput(
      spec.document,
      operation,
      url.searchParams,
      req.headers['content-type'],
      body,
    );
    if (!decoded.ok) return fail(decoded.problem.code, call, decoded.problem.message, operation);
    const problem =
      validators.query(operation, decoded.input.query) ?? validators.body(operation, decoded.input.body);
    if (problem) return fail(problem.code, call, problem.message, operation);

    const success = successEnvelope(spec, operation, call);
    if (stateful) {
      const input: JsonObject = {
        ...decoded.input.query,
        ...(isObject(decoded.input.body) ? decoded.input.body : {}),
      };
      state.apply(operation.action, input, success.body);
    }
    return envelope(success);
  }

  function write(res: ServerResponse, outcome: Outcome, entry: RecordedRequest): void {
    if (outcome.kind === 'reset') {
      res.destroy();
      return;
    }
    if (outcome.kind === 'text') {
      sendText(res, outcome.status, outcome.contentType, outcome.text);
      entry.status = outcome.status;
      return;
    }
    const { status, body } = outcome.answer;
    sendJson(res, status, body);
    entry.status = status;
    const error = isObject(body.ResponseMetadata) ? body.ResponseMetadata.Error : undefined;
    if (isObject(error) && typeof error.Code === 'string') entry.errorCode = error.Code;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const now = clock();
    res.setHeader('Date', now.toUTCString());
    setCorsHeaders(res);
    if (req.method === 'OPTIONS') return answerPreflight(res);

    const url = requestUrl(req);
    const call: CallContext = { requestId: newRequestId(now) };
    res.setHeader(REQUEST_ID_HEADER, call.requestId);
    let body = new Uint8Array(0);
    let outcome: Outcome | undefined;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      outcome = envelope(
        errorEnvelope(spec, 'InvalidParameter', call, {
          status: 413,
          message: `The specified parameter Body is invalid: ${error.message}.`,
        }),
      );
    }
    if (!outcome && url.pathname.startsWith(ADMIN_PREFIX)) {
      return handleAdmin({ spec, router, scenarios, requests, state }, req, res, url.pathname, body);
    }

    const entry = requests.record({
      receivedAt: now.toISOString(),
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: redactHeaders(req.headers),
      body: new TextDecoder().decode(body),
      requestId: call.requestId,
    });
    try {
      outcome ??= await answer(req, url, body, call);
    } catch (error) {
      if (closing.signal.aborted) {
        res.destroy();
        return;
      }
      logger.error(`mock: failed to answer ${req.method} ${req.url}: ${(error as Error).stack ?? error}`);
      outcome = fail('InternalError', call);
    }
    if (call.action !== undefined) entry.action = call.action;
    if (call.version !== undefined) entry.version = call.version;
    write(res, outcome, entry);

    const took = Math.round(performance.now() - started);
    const what = `${req.method} ${call.action ?? '(no Action)'}${call.version ? `@${call.version}` : ''}`;
    const result =
      outcome.kind === 'reset'
        ? 'connection reset'
        : `${entry.status}${entry.errorCode ? ` ${entry.errorCode}` : ''}`;
    logger.info(`${what} -> ${result} (${took} ms)`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error(`mock: ${(error as Error).stack ?? error}`);
      if (!res.headersSent) res.destroy();
    });
  });

  async function close(): Promise<void> {
    closing.abort();
    await new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  return { server, spec, scenarios, requests, state, handle, close };
}

/** Creates the mock and listens on `host:port` (127.0.0.1 and a free port by default). */
export async function startMockServer(options: StartMockServerOptions): Promise<RunningMockServer> {
  const mock = createMockServer(options);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new MockConfigError(`cannot listen on ${host}:${port}: the port is already in use`, error.code),
        );
      } else if (error.code === 'EACCES') {
        reject(new MockConfigError(`cannot listen on ${host}:${port}: permission denied`, error.code));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new MockConfigError(`cannot listen on ${host}:${port}: no such local address`, error.code));
      } else reject(error);
    };
    mock.server.once('error', onError);
    mock.server.listen(port, host, () => {
      mock.server.off('error', onError);
      resolve();
    });
  });
  const address = mock.server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${urlHost}:${address.port}`, port: address.port, mock, close: () => mock.close() };
}
