// @volc-openapi/spec-gate: the spec-change gate of the repository.
export { bundleSpec } from './bundle.ts';
export {
  type Bump,
  type Changeset,
  declaring,
  fixedGroup,
  parseChangeset,
  readChangesets,
} from './changesets.ts';
export { classify } from './classify.ts';
export type { Finding, Severity } from './findings.ts';
export { decide, formatVerdict, type GateInput, type GateVerdict } from './gate.ts';
export { bundleProblems, generatedPaths, trackedGenerated } from './integrity.ts';
export { type JsonObject, pointer } from './json.ts';
export { type OpticFinding, parseOpticReport, runOptic } from './optic.ts';
export { locateSources, sourceMap } from './sources.ts';
