// @volc-openapi/mock-server: a mock VMS endpoint driven by the bundled OpenAPI document.
export { MOCK_CREDENTIALS } from './credentials.ts';
export type { RecordedRequest, RequestLog } from './requests.ts';
export type { MalformedKind, Scenario, ScenarioStore, StoredScenario } from './scenarios.ts';
export {
  createMockServer,
  type MockLogger,
  type MockServer,
  type MockServerOptions,
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from './server.ts';
export {
  type DocumentedError,
  loadSpecFile,
  MockConfigError,
  type MockOperation,
  type MockSpec,
  readSpec,
} from './spec.ts';
export {
  DEFAULT_STATE_RULES,
  type DeleteRule,
  type ListRule,
  type MockState,
  type StateRules,
} from './state.ts';
