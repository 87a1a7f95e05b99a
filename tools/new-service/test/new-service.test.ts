// `pnpm new-service` end to end, in a temporary copy of the repository: it adds a service with one
// example Action in under 60 lines outside the spec folder and its client's README; then the repo
// builds with it, the gate and its contract tests pass, and its generated client calls the mock.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOCK_CREDENTIALS } from '@volc-openapi/mock-server';
import { REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NAME = 'demo';
const ARGS = [
  NAME,
  '--endpoint',
  'https://demo.volcengineapi.com',
  '--signing-service',
  'demo',
  '--region',
  'cn-beijing',
  '--version',
  '2025-06-01',
  '--title',
  'Volcengine Demo',
  '--title-zh',
  '演示服务',
];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', CI: 'true' };
const git = ['-c', 'user.email=test@example.test', '-c', 'user.name=test'];

let copy: string;
let installed = '';
/** Runs a command in the copy; a failure says which command and ends with what it printed. */
function run(command: string, args: string[], timeout = 600_000): string {
  try {
    return execFileSync(command, args, {
      cwd: copy,
      env,
      encoding: 'utf8',
      timeout,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`);
  }
}

/** Runs a command in the copy like {@link run}; returns what it wrote to stdout and stderr both. */
function runLogged(command: string, args: string[], timeout = 600_000): string {
  const done = spawnSync(command, args, { cwd: copy, env, encoding: 'utf8', timeout });
  const printed = `${done.stdout ?? ''}\n${done.stderr ?? ''}`;
  if (done.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${done.status ?? done.signal}):\n${printed.trim().slice(-4000)}`,
    );
  return printed;
}

/**
 * Lines a fresh clone's install and build must not print: warnings (pnpm's WARN, turbo's WARNING),
 * deprecations, install scripts pnpm skipped, and outputs turbo could not find for a task.
 */
const warnings = (printed: string) =>
  printed.match(/^.*(\bWARN|warning|deprecat|ignored build scripts|no output files found).*$/gim) ?? [];

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'new-service-'));
  // The repository as a newcomer's clone has it: tracked and unignored files, nothing generated.
  execFileSync(
    'sh',
    ['-c', `git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C '${copy}'`],
    {
      cwd: REPO_ROOT,
    },
  );
  run('git', ['init', '-q']);
  run('git', ['add', '-A']);
  run('git', [...git, 'commit', '-qm', 'base']);
  // A fresh clone's install: checked for warnings here, its build in the pipeline test below.
  installed = runLogged('pnpm', ['install', '--prefer-offline', '--frozen-lockfile']);
}, 300_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('pnpm new-service', () => {
  let output = '';
  it('adds the service: registry entry, spec folder, client package, in under 60 lines outside the spec', () => {
    output = run('pnpm', ['--silent', 'new-service', ...ARGS]);
    expect(output).toContain(`new-service: ${NAME} added`);
    expect(readRegistry(copy).map((service) => service.name)).toContain(NAME);
    run('git', ['add', '-A', '-N']);
    const added = run('git', ['diff', '--numstat'])
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .filter(([, , path]) => !path?.startsWith(`spec/${NAME}/`));
    // The client's README is prose for its users, not wiring: it does not count against the budget.
    const lines = added
      .filter(([, , path]) => path !== `packages/${NAME}/README.md`)
      .reduce((sum, [count]) => sum + Number(count), 0);
    expect(added.map(([, , path]) => path).sort()).toEqual(
      [
        '.changeset/config.json',
        `packages/${NAME}/README.md`,
        `packages/${NAME}/package.json`,
        `packages/${NAME}/tsconfig.json`,
        `packages/${NAME}/tsdown.config.ts`,
        'packages/docs/package.json',
        'redocly.yaml',
        'spec/services.yaml',
        'tools/contract-tests/package.json',
        'tools/readme-snippets/package.json',
        'tools/workspace-checks/package.json',
      ].sort(),
    );
    expect(lines).toBeLessThan(60);
  });

  it('builds without a warning, lints and type-checks with the new service in the pipeline, and the gate passes', () => {
    expect(warnings(installed), 'pnpm install of a fresh clone').toEqual([]);
    run('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile']);
    expect(warnings(runLogged('pnpm', ['build'], 900_000)), 'pnpm build of a fresh clone').toEqual([]);
    run('pnpm', [
      'exec',
      'turbo',
      'run',
      'lint',
      'typecheck',
      'test:exports',
      `--filter=@volc-openapi/${NAME}...`,
    ]);
    // The new client's public API is reported like every published package's (the gate requires it current).
    run('pnpm', ['--silent', 'api:report'], 900_000);
    expect(readFileSync(join(copy, `packages/${NAME}/api.md`), 'utf8')).toContain(
      `export function createDemoClient(`,
    );
    expect(run('pnpm', ['--silent', 'spec:check'])).toMatch(new RegExp(`${NAME}.*not yet released`));
  }, 1_200_000);

  it("runs the new service's generated contract tests", () => {
    const report = join(copy, 'contract-report.json');
    run('pnpm', [
      'exec',
      'vitest',
      'run',
      '--project',
      'contract',
      '-t',
      NAME,
      '--reporter=json',
      `--outputFile=${report}`,
    ]);
    const { testResults } = JSON.parse(readFileSync(report, 'utf8')) as {
      testResults: { assertionResults: { fullName: string; status: string }[] }[];
    };
    const ran = testResults
      .flatMap((file) => file.assertionResults)
      .filter((test) => test.fullName.includes(NAME) && test.status !== 'skipped');
    expect(ran.filter((test) => test.fullName.includes('DescribeStatus')).length).toBeGreaterThan(3);
    expect(ran.filter((test) => test.status !== 'passed')).toEqual([]);
  }, 600_000);

  describe('against pnpm mock', () => {
    let mock: ChildProcess;
    let url = '';
    beforeAll(async () => {
      mock = spawn(process.execPath, ['tools/mock-server/src/cli.ts', '--port', '0'], {
        cwd: copy,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        mock.stdout?.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          const found = /listening on (http:\/\/\S+)/.exec(seen);
          if (found?.[1] && seen.includes(`${NAME}: 1`)) resolve(found[1]);
        });
        mock.on('exit', (code) => reject(new Error(`the mock exited (${code}): ${seen}`)));
      });
    }, 60_000);
    afterAll(() => {
      mock?.kill('SIGTERM');
    });

    it('answers a call made with the generated client', () => {
      const script = `
        import { createDemoClient } from '@volc-openapi/${NAME}';
        const client = createDemoClient({ endpoint: ${JSON.stringify(url)},
          credentials: { accessKeyId: process.env.AK, secretAccessKey: process.env.SK } });
        const { data, error } = await client.DescribeStatus({ ResourceId: 'res-0001' });
        console.log(JSON.stringify({ data, error }));`;
      const answer = execFileSync('node', ['--input-type=module', '-e', script], {
        cwd: join(copy, 'tools/contract-tests'),
        env: { ...env, AK: MOCK_CREDENTIALS.accessKeyId, SK: MOCK_CREDENTIALS.secretAccessKey },
        encoding: 'utf8',
        timeout: 60_000,
      });
      const { data, error } = JSON.parse(answer) as {
        data?: { Result: unknown; ResponseMetadata: unknown };
        error?: unknown;
      };
      expect(error).toBeUndefined();
      expect(data?.Result).toEqual({ ResourceId: 'res-0001', Status: 'running' });
      expect(data?.ResponseMetadata).toMatchObject({
        Action: 'DescribeStatus',
        Version: '2025-06-01',
        Service: 'demo',
      });
    });
  });
});
