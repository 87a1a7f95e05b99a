export { type ContractCase, renderContractCases } from './contract.ts';
export { type DocsOutput, renderDocs } from './docs.ts';
export { type FacadeOptions, renderFacade } from './facade.ts';
export {
  type CodeSample,
  codeSamples,
  curlSample,
  facadeSample,
  rawSample,
  type SampleOptions,
} from './samples.ts';
export {
  deref,
  type ErrorCodeDoc,
  type JsonObject,
  type RpcOperation,
  readOperations,
  readSigning,
  type SigningDoc,
} from './spec.ts';
