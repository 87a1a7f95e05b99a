// @volc-openapi/spec-gate: the spec-change gate of the repository, over every service of the registry.

export type { JsonObject } from '@volc-openapi/spec-model';
export { pointer } from '@volc-openapi/spec-model';
export { bundleSpec, firstBundleProblem, SpecInputError } from './bundle.ts';
export {
  type Bump,
  type Changeset,
  declaring,
  fixedGroup,
  parseChangeset,
  readChangesets,
  serviceGroup,
} from './changesets.ts';
export {
  type BaselineResult,
  type CheckOptions,
  checkPackages,
  checkReports,
  checkService,
  checkServices,
  formatReport,
  formatServiceCheck,
  type PackageCheck,
  type Report,
  type ServiceCheck,
  type WorkingSource,
  writeBaseline,
} from './check.ts';
export { classify, classifyServices } from './classify.ts';
export { type ApiRule, clientApiFindings } from './client-api.ts';
export { brokenRefs, canonical } from './document.ts';
export type { Finding, Severity } from './findings.ts';
export { decide, formatVerdict, type GateInput, type GateVerdict } from './gate.ts';
export { bundleProblems, generatedPaths, trackedGenerated } from './integrity.ts';
export { type ExportFinding, type ExportRule, packageApiFindings } from './package-api.ts';
export { locateSources, sourceMap } from './sources.ts';
