export { type ContractCase, renderContractCases } from './contract.ts';
export { type DocsOutput, renderDocs } from './docs.ts';
export { type FacadeOptions, renderFacade } from './facade.ts';
export { type CodeSample, type SampleOptions, codeSamples, curlSample, facadeSample, rawSample } from './samples.ts';
export {
  type ErrorCodeDoc,
  type JsonObject,
  type RpcOperation,
  type SigningDoc,
  deref,
  readOperations,
  readSigning,
} from './spec.ts';
