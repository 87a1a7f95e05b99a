// The layering rules of the workspace. Data flows one way: signer → runtime → service clients →
// credentials; nothing lower imports anything higher, and no package depends on itself through others.
import { readRegistry, type ServiceEntry } from '@volc-openapi/spec-model';
import { sourceImports, type WorkspacePackage } from './workspace.ts';

/** The first cycle found among the given edges, as names from a package back to itself. */
export function findCycle(edges: Map<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(name);
    if (at >= 0) return [...path.slice(at), name];
    if (done.has(name)) return undefined;
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return undefined;
  };
  for (const name of edges.keys()) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Packages that must not reach (declare or import) the ones listed with them. */
export function forbiddenReaches(services: ServiceEntry[]): Map<string, string[]> {
  const above = ['@volc-openapi/credentials', ...services.map((service) => service.clientPackage)];
  return new Map([
    ['@volc-openapi/signer', ['@volc-openapi/runtime', ...above]],
    ['@volc-openapi/runtime', above],
  ]);
}

/**
 * Every way the workspace breaks its layering, as sentences: a cycle among run-time dependencies, a
 * cycle once build and test dependencies are added, a lower package that declares or imports a higher
 * one, and a source import of a workspace package its manifest does not declare.
 */
export function layeringProblems(
  workspace: Map<string, WorkspacePackage>,
  services: ServiceEntry[] = readRegistry(),
): string[] {
  const problems: string[] = [];
  const packages = [...workspace.values()];
  const runtimeCycle = findCycle(new Map(packages.map((pkg) => [pkg.name, pkg.runtime])));
  if (runtimeCycle) problems.push(`dependency cycle: ${runtimeCycle.join(' → ')}`);
  const buildCycle = findCycle(new Map(packages.map((pkg) => [pkg.name, [...pkg.runtime, ...pkg.dev]])));
  if (buildCycle && !runtimeCycle)
    problems.push(`dependency cycle through devDependencies: ${buildCycle.join(' → ')}`);
  for (const pkg of packages) {
    const imports = sourceImports(pkg);
    for (const [name, file] of imports)
      if (!pkg.runtime.includes(name) && !pkg.dev.includes(name))
        problems.push(`${pkg.name} imports ${name} (${file}) without declaring it in package.json`);
    for (const forbidden of forbiddenReaches(services).get(pkg.name) ?? []) {
      if (pkg.runtime.includes(forbidden) || pkg.dev.includes(forbidden))
        problems.push(`${pkg.name} must not depend on ${forbidden}`);
      const file = imports.get(forbidden);
      if (file) problems.push(`${pkg.name} must not import ${forbidden} (${file})`);
    }
  }
  return problems;
}
