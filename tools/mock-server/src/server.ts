// The HTTP server: finds each request's service from its credential scope, then takes it through
// routing, signature check, scenarios, input validation and the example answer, in that order, and
// writes the envelope. Several services share one port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DocumentedError, isObject } from '@volc-openapi/spec-model';
import { ADMIN_PREFIX, handleAdmin } from './admin.ts';
import { authenticate } from './auth.ts';
import { DEFAULT_EXTRA_REGIONS, MOCK_CREDENTIALS } from './credentials.ts';
import {
  type CallContext,
  type EnvelopeAnswer,
  type ErrorCatalogue,
  errorEnvelope,
  newRequestId,
  successEnvelope,
} from './envelope.ts';
import {
  answerPreflight,
  BodyTooLargeError,
  closeAfterAnswer,
  REQUEST_ID_HEADER,
  rawJsonAnswer,
  readBody,
  sendJson,
  sendText,
  setCorsHeaders,
} from './http.ts';
import { decodeInput } from './input.ts';
import {
  bodyPrefix,
  createRequestLog,
  type RecordedRequest,
  type RequestLog,
  redactHeaders,
  redactUrl,
} from './requests.ts';
import {
  checkScenario,
  createScenarioStore,
  parseScenarioHeader,
  type Scenario,
  type ScenarioStore,
} from './scenarios.ts';
import { createMockService, credentialScope, type MockService, securityToken } from './service.ts';
import { createSessionStore } from './sessions.ts';
import { type JsonObject, MockConfigError, type MockOperation, type MockSpec, readSpec } from './spec.ts';
import type { MockState, StateRules } from './state.ts';

export interface MockLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A spec to serve: a parsed bundled OpenAPI document, or a model read by `@volc-openapi/spec-model`. */
export type MockSpecInput = object;

export interface MockServerOptions {
  /** One spec to serve (kept for single-service callers); `specs` serves several. */
  spec?: MockSpecInput;
  /**
   * Specs served together on one port, each reached by the service its credential scope names
   * (`signing.service`). The first is the default: it answers requests that name no service and
   * no other service claims. With `spec` as well, `spec` comes first.
   */
  specs?: MockSpecInput[];
  /** Access key id → secret key accepted for signing; defaults to `MOCK_CREDENTIALS`. */
  credentials?: Record<string, string>;
  /**
   * Regions a credential scope may name besides each service's own `signing.region`; default
   * `DEFAULT_EXTRA_REGIONS` (cn-north-1, the official SDKs' default). `[]`: only the spec's region.
   */
  extraRegions?: readonly string[];
  /** The server clock, used for the Date header, RequestIds and the X-Date skew check. */
  now?: () => Date;
  /** Allowed distance between X-Date and the server clock; default 900 s. */
  maxSkewSeconds?: number;
  /** Receives one line per answered call; silent when absent. */
  logger?: MockLogger;
  /**
   * Stateful rules (delete then list): by default each spec's root `x-volc-mock-state`; `false` turns
   * them off; an object replaces every spec's rules.
   */
  state?: boolean | StateRules;
  /** How many requests `GET /__mock/requests` remembers; default 100. */
  requestLogSize?: number;
  /** Largest body accepted; default 10 MiB. A larger one is answered 413 and its connection closed. */
  maxBodyBytes?: number;
  /** Time a client has to send its request headers before its connection is closed; default 10 s. */
  headersTimeoutMs?: number;
  /** Time a client has to send its whole request, body included; default 30 s. */
  requestTimeoutMs?: number;
}

/** The state of every service: what `/__mock/state` shows and clears. */
export type MockStateView = Pick<MockState, 'snapshot' | 'reset'>;

export interface MockServer {
  /** A node:http server, not yet listening. */
  server: Server;
  /** The default (first) service's model. */
  spec: MockSpec;
  /** Every service served, the default first. */
  specs: MockSpec[];
  scenarios: ScenarioStore;
  requests: RequestLog;
  /** Deleted keys over every service (by key field name), and a reset of them all. */
  state: MockStateView;
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

/** The call as the server works it out: its catalogue follows the service it is routed to. */
interface Call extends CallContext {
  catalogue: ErrorCatalogue;
  service?: string;
}

type Outcome =
  | { kind: 'envelope'; answer: EnvelopeAnswer }
  | { kind: 'text'; status: number; contentType: string; text: string }
  | { kind: 'reset' };

const NOOP_LOGGER: MockLogger = { info() {}, warn() {}, error() {} };
const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
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

function readSpecs(options: MockServerOptions): MockSpec[] {
  const inputs = [...(options.spec !== undefined ? [options.spec] : []), ...(options.specs ?? [])];
  if (inputs.length === 0) throw new MockConfigError('no spec to serve: pass `spec` or `specs`');
  const specs = inputs.map((input) => readSpec(input));
  const seen = new Set<string>();
  for (const spec of specs) {
    const name = spec.signing.service;
    if (seen.has(name))
      throw new MockConfigError(
        `two specs sign for the service "${name}"; each service is served once (requests are routed by the service in their credential scope)`,
      );
    seen.add(name);
  }
  return specs;
}

export function createMockServer(options: MockServerOptions): MockServer {
  const specs = readSpecs(options);
  const stateOption = options.state ?? true;
  const extraRegions = options.extraRegions ?? DEFAULT_EXTRA_REGIONS;
  const clock = options.now ?? (() => new Date());
  // One store for every service: keys one service issues (STS) sign calls to all of them.
  const sessions = createSessionStore();
  const services: MockService[] = specs.map((spec) =>
    createMockService(spec, {
      extraRegions,
      issue: (lifetimeSeconds) => sessions.issue(lifetimeSeconds, clock()),
      ...(typeof stateOption === 'object' ? { rules: stateOption } : {}),
    }),
  );
  const [primary] = services as [MockService, ...MockService[]];
  const byService = new Map(services.map((service) => [service.spec.signing.service, service]));
  /** Every code any served spec documents: the catalogue for requests no service answers. */
  const catalogue = new Map<string, DocumentedError>();
  for (const service of services)
    for (const [code, error] of service.spec.errors) if (!catalogue.has(code)) catalogue.set(code, error);
  /**
   * Each service's catalogue: its own codes first, then any other served spec's (every bundle carries
   * the platform codes, so a small spec without them still answers gateway errors with their status).
   */
  const catalogues = new Map<MockService, ErrorCatalogue>(
    services.map((service) => [
      service,
      { signing: service.spec.signing, errors: new Map([...catalogue, ...service.spec.errors]) },
    ]),
  );
  const scenarios = createScenarioStore();
  const requests = createRequestLog(options.requestLogSize);
  const stateful = stateOption !== false;
  const state: MockStateView = {
    snapshot() {
      const merged: Record<string, string[]> = {};
      for (const service of services)
        for (const [name, keys] of Object.entries(service.state.snapshot()))
          merged[name] = [...new Set([...(merged[name] ?? []), ...keys])];
      return merged;
    },
    reset() {
      for (const service of services) service.state.reset();
      sessions.reset();
    },
  };
  const credentials = options.credentials ?? {
    [MOCK_CREDENTIALS.accessKeyId]: MOCK_CREDENTIALS.secretAccessKey,
  };
  const secretOf = (accessKeyId: string) => credentials[accessKeyId] ?? sessions.secretOf(accessKeyId);
  const logger = options.logger ?? NOOP_LOGGER;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  // Aborted on close so delayed answers do not keep the process alive.
  const closing = new AbortController();

  const fail = (code: string, call: Call, message?: string, operation?: MockOperation): Outcome =>
    envelope(
      errorEnvelope(call.catalogue, code, call, {
        ...(message ? { message } : {}),
        ...(operation ? { operation } : {}),
      }),
    );

  /**
   * The service of a request that names none in a credential scope: an unsigned request goes to the
   * service that declares its Action and Version unsigned (`security: []`); otherwise to the service
   * that has the operation, else the default one.
   */
  function unnamedService(signed: boolean, action: string, version: string): MockService {
    const owners = services.filter((service) => service.router.find(action, version));
    if (!signed) {
      const open = owners.find((service) => service.router.find(action, version)?.signed === false);
      if (open) return open;
    }
    return owners[0] ?? primary;
  }

  /**
   * The scenario for this request: the X-Mock-Scenario header when sent (it then replaces the queue
   * for this one request), else the first queued one that applies. A string explains a bad header.
   */
  function pickScenario(
    req: IncomingMessage,
    service: MockService,
    operation: MockOperation,
  ): Scenario | string | undefined {
    const name = service.spec.signing.service;
    const header = req.headers['x-mock-scenario'];
    if (typeof header !== 'string' || !header.trim()) return scenarios.take(operation.action, name);
    const parsed = parseScenarioHeader(header);
    if (!parsed.ok) return parsed.message;
    const problem = checkScenario(services, parsed.scenario);
    if (problem) return problem;
    const { action, service: only } = parsed.scenario;
    return (action === undefined || action === operation.action) && (only === undefined || only === name)
      ? parsed.scenario
      : undefined;
  }

  /** Carries out a scenario; undefined means "carry on and answer normally". */
  async function playScenario(scenario: Scenario, operation: MockOperation, call: Call) {
    if (scenario.delayMs) await sleep(scenario.delayMs, undefined, { signal: closing.signal });
    if (scenario.reset) return { kind: 'reset' } as const;

    let forced: EnvelopeAnswer | undefined;
    if (scenario.error !== undefined) {
      const status = scenario.http200 ? 200 : scenario.status;
      forced = errorEnvelope(call.catalogue, scenario.error, call, {
        operation,
        ...(status ? { status } : {}),
      });
    } else if (scenario.status !== undefined && scenario.status !== 200 && !scenario.malformed) {
      // A bare status picks the first error the operation documents with that status.
      const documented = operation.errors.find((error) => error.status === scenario.status);
      forced = errorEnvelope(call.catalogue, documented?.code ?? 'InternalError', call, {
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
      const answer = forced ?? successEnvelope(call.catalogue, operation, call);
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
    call: Call,
  ): Promise<Outcome> {
    const search = url.searchParams;
    const scope = credentialScope(req.headers, search);
    let service: MockService;
    if (scope.service !== undefined) {
      const named = byService.get(scope.service);
      if (!named) {
        const action = search.get('Action');
        const version = search.get('Version');
        if (action) call.action = action;
        if (version) call.version = version;
        call.catalogue = {
          signing: { service: scope.service, region: scope.region ?? '' },
          errors: catalogue,
        };
        return fail(
          'ServiceNotFound',
          call,
          `Could not find the service "${scope.service}" named in the credential scope (this endpoint serves ${[...byService.keys()].join(', ')}).`,
        );
      }
      service = named;
    } else {
      service = unnamedService(scope.signed, search.get('Action') ?? '', search.get('Version') ?? '');
    }
    call.catalogue = catalogues.get(service) ?? service.spec;
    call.service = service.spec.signing.service;

    const route = service.router.route(search);
    if (!route.ok) {
      if (route.action !== undefined) call.action = route.action;
      if (route.version !== undefined) call.version = route.version;
      return fail(route.code, call, route.message);
    }
    const { operation } = route;
    call.action = operation.action;
    call.version = operation.version;

    const methodProblem = service.router.methodProblem(operation, req.method ?? 'GET');
    if (methodProblem) return fail('InvalidAction', call, methodProblem, operation);

    // An operation that declares `security: []` is answered without a signature check.
    if (operation.signed) {
      const auth = await authenticate(
        { method: req.method ?? 'GET', url, headers: req.headers, body },
        {
          secretOf,
          signing: service.spec.signing,
          regions: service.regions,
          now: clock(),
          maxSkewSeconds: options.maxSkewSeconds ?? 900,
        },
      );
      if (!auth.ok) return fail(auth.code, call, auth.message, operation);
      const refusal = sessions.refusal(auth.accessKeyId, securityToken(req.headers, search), clock());
      if (refusal) return fail('InvalidSecretToken', call, refusal, operation);
    }

    const picked = pickScenario(req, service, operation);
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

    const document = service.spec.document;
    const decoded = await decodeInput(document, operation, search, req.headers['content-type'], body);
    if (!decoded.ok) return fail(decoded.problem.code, call, decoded.problem.message, operation);
    const problem =
      service.validators.query(operation, decoded.input.query) ??
      service.validators.body(operation, decoded.input.body);
    if (problem) return fail(problem.code, call, problem.message, operation);

    const success = successEnvelope(call.catalogue, operation, call);
    if (stateful) {
      const input: JsonObject = {
        ...decoded.input.query,
        ...(isObject(decoded.input.body) ? decoded.input.body : {}),
      };
      service.state.apply(operation.action, input, success.body);
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
    const call: Call = { requestId: newRequestId(now), catalogue: catalogues.get(primary) ?? primary.spec };
    res.setHeader(REQUEST_ID_HEADER, call.requestId);
    let body = new Uint8Array(0);
    let outcome: Outcome | undefined;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      // A client that went away mid-body (or was timed out) gets no answer.
      if (!(error instanceof BodyTooLargeError)) return void res.destroy();
      closeAfterAnswer(req, res);
      call.action = url.searchParams.get('Action') ?? undefined;
      call.version = url.searchParams.get('Version') ?? undefined;
      outcome = envelope(
        errorEnvelope(call.catalogue, 'InvalidParameter', call, {
          status: 413,
          message: `The specified parameter Body is invalid: ${error.message}.`,
        }),
      );
    }
    if (!outcome && url.pathname.startsWith(ADMIN_PREFIX)) {
      return handleAdmin({ services, scenarios, requests, state }, req, res, url.pathname, body);
    }

    const entry = requests.record({
      receivedAt: now.toISOString(),
      method: req.method ?? 'GET',
      url: redactUrl(req.url ?? '/'),
      headers: redactHeaders(req.headers),
      ...bodyPrefix(body),
      requestId: call.requestId,
    });
    try {
      outcome ??= await answer(req, url, body, call);
    } catch (error) {
      if (closing.signal.aborted) {
        res.destroy();
        return;
      }
      logger.error(
        `mock: failed to answer ${req.method} ${redactUrl(req.url ?? '/')}: ${(error as Error).stack ?? error}`,
      );
      outcome = fail('InternalError', call);
    }
    if (call.service !== undefined) entry.service = call.service;
    if (call.action !== undefined) entry.action = call.action;
    if (call.version !== undefined) entry.version = call.version;
    write(res, outcome, entry);

    const took = Math.round(performance.now() - started);
    const who = services.length > 1 && call.service ? `${call.service} ` : '';
    const what = `${req.method} ${who}${call.action ?? '(no Action)'}${call.version ? `@${call.version}` : ''}`;
    const result =
      outcome.kind === 'reset'
        ? 'connection reset'
        : `${entry.status}${entry.errorCode ? ` ${entry.errorCode}` : ''}`;
    logger.info(`${what} -> ${result} (${took} ms)`);
  }

  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(headersTimeout, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  /** The answer in progress on each connection, so a protocol error does not write over it. */
  const answering = new WeakMap<Socket, ServerResponse>();
  const server = createServer(
    // Node checks both timeouts every `connectionsCheckingInterval`: often enough to keep them.
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout / 2) },
    (req, res) => {
      answering.set(req.socket, res);
      // Kept while the request is incomplete: an answer sent early (413) is not followed by a 408.
      res.on('finish', () => req.complete && answering.delete(req.socket));
      handle(req, res).catch((error: unknown) => {
        logger.error(`mock: ${(error as Error).stack ?? error}`);
        if (!res.headersSent) res.destroy();
      });
    },
  );
  // Bytes that are not HTTP, headers too large, a client too slow: Node's parser refuses them before
  // any handler runs. They get the error envelope too, then the connection is closed.
  server.on('clientError', (error: NodeJS.ErrnoException & { reason?: string }, socket: Socket) => {
    if (!socket.writable || answering.get(socket)?.headersSent) return void socket.destroy();
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const now = clock();
    const call: CallContext = { requestId: newRequestId(now) };
    const { status, body } = errorEnvelope(
      catalogues.get(primary) ?? primary.spec,
      timedOut ? 'RequestTimeout' : 'InvalidParameter',
      call,
      timedOut
        ? { status: 408, message: `The request was not received in full within ${requestTimeout} ms.` }
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? { status: 431, message: 'The request headers are larger than the server accepts.' }
          : {
              status: 400,
              message: `The request is not valid HTTP/1.1 (${error.reason ?? error.code ?? 'parse error'}).`,
            },
    );
    socket.end(rawJsonAnswer(status, body, now, call.requestId));
    socket.destroySoon();
    logger.warn(`bad request -> ${status} (${error.code ?? 'parse error'})`);
  });

  async function close(): Promise<void> {
    closing.abort();
    await new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  return { server, spec: primary.spec, specs, scenarios, requests, state, handle, close };
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
          new MockConfigError(
            `cannot listen on ${host}:${port}: the port is already in use (stop what holds it, or pick another: --port <n> or MOCK_PORT=<n>)`,
            error.code,
          ),
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
