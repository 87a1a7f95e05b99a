// @volc-openapi/workspace-graph: the workspace's packages, their dependencies and layering rules.
export { findCycle, forbiddenReaches, layeringProblems } from './rules.ts';
export {
  readWorkspace,
  runtimeClosure,
  sourceImports,
  WORKSPACE_GROUPS,
  type WorkspacePackage,
} from './workspace.ts';
