export { renderClientIndex, renderTransientCodes } from './client.ts';
export {
  type ContractCase,
  type ContractOptions,
  type ExpectedOutcome,
  type InputParameter,
  type InvalidInput,
  type Pointer,
  type ResponseCase,
  renderContractCases,
  type WireBody,
  type WireExpectation,
} from './contract.ts';
export { formFields } from './contract-wire.ts';
export { type DocsOutput, operationLink, renderDocs } from './docs.ts';
export {
  type ConsoleOperation,
  type ConsoleService,
  consoleService,
  renderConsoleValidators,
} from './docs-console.ts';
export {
  injectPreviews,
  PREVIEW_PANEL_ID,
  PREVIEW_PLACEHOLDER,
  PREVIEWS_DATA_ID,
  renderPreviewBlock,
} from './docs-preview.ts';
export { type FacadeOptions, renderFacade } from './facade.ts';
export {
  type CodeSample,
  codeSamples,
  curlSample,
  facadeSample,
  rawSample,
  type SampleOptions,
  type SigningWalkthrough,
  type WireRequest,
} from './samples.ts';
export { digestOf, markUpToDate, upToDate } from './stamp.ts';
