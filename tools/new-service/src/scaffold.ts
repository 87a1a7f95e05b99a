// `pnpm new-service`: writes a new service's spec folder and everything outside it that names the
// service (a registry entry, the client package, the lint/bundle alias, the version group, and the
// packages that build every service's docs and contract tests).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  parseRegistry,
  REGISTRY_FILE,
  type ServiceEntry,
  SpecModelError,
  serviceEntry,
} from '@volc-openapi/spec-model';
import { type ServiceFacts, specFiles } from './spec-skeleton.ts';
import { clientBuildConfig, clientManifest, clientReadme, clientTsconfig, json } from './templates.ts';

export interface NewService extends ServiceFacts {
  name: string;
  title?: string;
  titleZh?: string;
}

const URL_SHAPE = /^https?:\/\/[^\s/]+\/?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the options; each problem names its option. */
function check(options: NewService, known: ServiceEntry[]): void {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9]*$/.test(options.name))
    problems.push(`<name> "${options.name}" must be lower-case letters and digits`);
  if (known.some((service) => service.name === options.name))
    problems.push(`a service "${options.name}" is already in ${REGISTRY_FILE}`);
  if (!URL_SHAPE.test(options.endpoint))
    problems.push(`--endpoint "${options.endpoint}" must be a URL such as https://sms.volcengineapi.com`);
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(options.signingService))
    problems.push(`--signing-service "${options.signingService}" must be a signing name such as volcSMS`);
  if (!/^[a-z]+(-[a-z0-9]+)+$/.test(options.region))
    problems.push(`--region "${options.region}" must be a region such as cn-beijing`);
  if (!DATE.test(options.version) || Number.isNaN(Date.parse(options.version)))
    problems.push(`--version "${options.version}" must be a date YYYY-MM-DD`);
  if (problems.length) throw new SpecModelError(problems.join('; '));
}

function write(root: string, path: string, text: string, written: string[]): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  written.push(path);
}

function editJson(
  root: string,
  path: string,
  edit: (value: Record<string, unknown>) => void,
  written: string[],
) {
  const value = JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
  edit(value);
  write(root, path, json(value), written);
}

/** Adds `name: workspace:*` for each name to a manifest's devDependencies, keeping them sorted. */
const addDevDependency =
  (...names: string[]) =>
  (manifest: Record<string, unknown>) => {
    const added = Object.fromEntries(names.map((name) => [name, 'workspace:*']));
    const deps = { ...(manifest.devDependencies as Record<string, string>), ...added };
    manifest.devDependencies = Object.fromEntries(
      Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)),
    );
  };

/** Writes the new service into the repository at `root`; returns the paths written, relative to it. */
export function scaffoldService(root: string, options: NewService): string[] {
  const registryText = readFileSync(join(root, REGISTRY_FILE), 'utf8');
  check(options, parseRegistry(registryText));
  const title = options.title ?? `Volcengine ${options.name.toUpperCase()}`;
  const service = serviceEntry(options.name, title, options.titleZh ?? title);
  if (existsSync(join(root, service.specDir))) throw new SpecModelError(`${service.specDir} already exists`);

  const written: string[] = [];
  for (const [path, text] of Object.entries(specFiles(service, options)))
    write(root, `${service.specDir}/${path}`, text, written);
  const entry = `  - name: ${service.name}\n    title: ${JSON.stringify(service.title)}\n    titleZh: ${JSON.stringify(service.titleZh)}\n`;
  write(root, REGISTRY_FILE, `${registryText.replace(/\n*$/, '\n')}${entry}`, written);
  write(root, `packages/${service.name}/package.json`, json(clientManifest(service)), written);
  write(root, `packages/${service.name}/tsconfig.json`, json(clientTsconfig), written);
  write(root, `packages/${service.name}/tsdown.config.ts`, clientBuildConfig, written);
  // Its first call is the skeleton's example Action, with the input its spec documents.
  const firstCall = {
    endpoint: options.endpoint,
    region: options.region,
    action: 'DescribeStatus',
    input: "{ ResourceId: 'res-0001' }",
  };
  write(root, `packages/${service.name}/README.md`, clientReadme(service, firstCall), written);

  // The lint and bundle alias the spec package's scripts use.
  const redocly = readFileSync(join(root, 'redocly.yaml'), 'utf8');
  const alias = `  ${service.name}:\n    root: ${service.specDir}/openapi.yaml\n`;
  write(
    root,
    'redocly.yaml',
    redocly.replace(/^apis:\n((?: {2}.*\n)*)/m, (block) => block + alias),
    written,
  );
  // The client and its spec version together.
  editJson(
    root,
    '.changeset/config.json',
    (config) => {
      config.fixed = [...(config.fixed as string[][]), [service.clientPackage, service.specPackage]];
    },
    written,
  );
  // The packages that build every service's contract tests and docs need it built first.
  editJson(root, 'tools/contract-tests/package.json', addDevDependency(service.clientPackage), written);
  editJson(root, 'packages/docs/package.json', addDevDependency(service.clientPackage), written);
  // Its README's snippets run with the others.
  editJson(root, 'tools/readme-snippets/package.json', addDevDependency(service.clientPackage), written);
  // The workspace's one type check runs after every package's build and generated code.
  editJson(root, 'tools/workspace-checks/package.json', addDevDependency(service.clientPackage), written);
  return written;
}
