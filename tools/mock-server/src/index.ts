// @volc-openapi/mock-server: a mock Volcengine endpoint for one or several services, driven by their
// bundled OpenAPI documents (read through @volc-openapi/spec-model).
export { bindingNote } from './binding.ts';
export { DEFAULT_EXTRA_REGIONS, MOCK_CREDENTIALS } from './credentials.ts';
export { type ExampleCall, exampleCall, exampleOperation } from './example.ts';
export { launcherChain, type Stop, stopWith } from './lifetime.ts';
export { type RegistrySpec, registrySpecs } from './registry.ts';
export type { RecordedRequest, RequestLog } from './requests.ts';
export type { MalformedKind, Scenario, ScenarioStore, StoredScenario } from './scenarios.ts';
export {
  createMockServer,
  type MockLogger,
  type MockServer,
  type MockServerOptions,
  type MockSpecInput,
  type MockStateView,
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
  type DeleteRule,
  type ListRule,
  type MockState,
  readStateRules,
  STATE_EXTENSION,
  type StateRules,
} from './state.ts';
