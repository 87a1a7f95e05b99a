import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockServer, loadSpecFile, MockConfigError, readSpec } from '../src/index.ts';
import { fixturePath, REAL_SPEC_PATH, readJson, realSpec, start } from './helpers.ts';

// Configuration: the spec loader's checks, and the CLI's messages for bad configuration.
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const finished = new Promise<Finished>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  /** Resolves with stdout once it matches `pattern`, or fails if the process exits first. */
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (pattern.test(stdout)) resolve(stdout);
      };
      child.stdout.on('data', check);
      check();
      finished.then((result) => reject(new Error(`exited ${result.code}: ${result.stderr}`)));
    });
  return { child, finished, waitFor };
}

// Each case spawns its own Node process, so they run side by side to keep the suite fast.
describe.concurrent('volc-mock CLI', () => {
  it('starts on the port from MOCK_PORT, prints its URL and the demo key, and serves', async () => {
    const probe = await start(realSpec());
    const port = probe.port;
    await probe.close(); // a port that was free a moment ago
    const cli = run(['--quiet'], { MOCK_PORT: String(port) });
    const out = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(out).toContain(`listening on http://127.0.0.1:${port} `);
    expect(out).toContain('Bound to 127.0.0.1: reachable from this machine only (--host 0.0.0.0');
    expect(out).toContain('AKLTmockaccesskey');
    expect(out).toMatch(/demo|test data/i);
    expect(out).toContain(`${Object.keys(realSpec().paths as object).length} operations`);
    const health = await (await fetch(`http://127.0.0.1:${port}/__mock/health`)).json();
    expect(health).toMatchObject({ ok: true, service: 'vms' });
    cli.child.kill('SIGTERM');
    expect((await cli.finished).code).toBe(0);
  });

  it('serves every --spec on one port and prints one line per service for scripts', async () => {
    const widgets = fixturePath('open-spec.json');
    const cli = run(['--quiet', '--port', '0', '--spec', REAL_SPEC_PATH, '--spec', widgets]);
    const out = await cli.waitFor(/Control: /);
    const count = Object.keys(realSpec().paths as object).length;
    const [first, ...rest] = out.split('\n');
    expect(first).toMatch(
      new RegExp(
        `^Mock listening on http://127\\.0\\.0\\.1:\\d+ \\(vms: ${count} operations, widgets: 3\\)$`,
      ),
    );
    expect(rest).toEqual(
      expect.arrayContaining([
        '  access key id:     AKLTmockaccesskey',
        '  secret access key: mock-secret-key',
        '  signing scope:     vms: region cn-beijing, service vms',
        '  signing scope:     widgets: region cn-shanghai, service widgets',
      ]),
    );
    expect(out).not.toContain('VMS mock');
    const url = /listening on (\S+)/.exec(out)?.[1];
    const health = await (await fetch(`${url}/__mock/health`)).json();
    expect(health.services.map((s: { service: string }) => s.service)).toEqual(['vms', 'widgets']);
    cli.child.kill('SIGTERM');
    expect((await cli.finished).code).toBe(0);
  });

  it('serves the built services of the registry by default, vms first', async () => {
    const cli = run(['--quiet', '--port', '0']);
    const out = await cli.waitFor(/Control: /);
    expect(out.split('\n')[0]).toMatch(
      /^Mock listening on http:\/\/127\.0\.0\.1:\d+ \(vms: \d+ operations(, \w+: \d+)*\)$/,
    );
    expect(out).toContain('  signing scope:     vms: region cn-beijing, service vms\n');
    cli.child.kill('SIGTERM');
    expect((await cli.finished).code).toBe(0);
  });

  it('fails clearly on a missing spec file', async () => {
    const result = await run(['--spec', '/nonexistent/openapi.json', '--port', '0']).finished;
    expect(result.code).toBe(1);
    // The message is the spec model's, which adds how to get the file.
    expect(result.stderr).toBe(
      'volc-mock: cannot read the spec /nonexistent/openapi.json: no such file (build the spec first: pnpm build)\n',
    );
  });

  it('fails clearly when the port is in use', async () => {
    const busy = await start(realSpec());
    try {
      const result = await run(['--port', String(busy.port)]).finished;
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `volc-mock: cannot listen on 127.0.0.1:${busy.port}: the port is already in use (stop what holds it, or pick another: --port <n> or MOCK_PORT=<n>)\n`,
      );
    } finally {
      await busy.close();
    }
  });
});

describe('spec loading', () => {
  it('reads the real bundled spec', async () => {
    const { spec } = await loadSpecFile(REAL_SPEC_PATH);
    expect(spec.signing).toEqual({ service: 'vms', region: 'cn-beijing' });
    const operations = spec.operations.map((operation) => `${operation.method} ${operation.action}`);
    expect(operations).toHaveLength(Object.keys(realSpec().paths as object).length);
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET QueryUsableResourceV2',
        'POST OpenDeleteResource',
        'POST QueryOpenGetResource',
      ]),
    );
    expect(spec.errors.get('SignatureDoesNotMatch')).toMatchObject({ status: 401, codeN: 100010 });
  });

  it.each([
    ['not-openapi.json', /is not an OpenAPI 3 document/],
    ['unbundled.json', /is not bundled: it still references paths\/OpenDeleteResource\.yaml/],
    ['not-json.yaml', /is not JSON .*pass the bundled openapi\.json/],
    ['missing.json', /no such file/],
  ])('refuses %s with a readable MockConfigError', async (name, message) => {
    const failure = loadSpecFile(fixturePath(name));
    await expect(failure).rejects.toBeInstanceOf(MockConfigError);
    await expect(failure).rejects.toThrow(message);
  });

  it('rejects a busy port with a MockConfigError carrying EADDRINUSE', async () => {
    const busy = await start(realSpec());
    try {
      const failure = start(realSpec(), { port: busy.port });
      await expect(failure).rejects.toBeInstanceOf(MockConfigError);
      await expect(failure).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await busy.close();
    }
  });

  it('refuses a document without the signing extension or with a foreign path key', () => {
    const spec = readJson(REAL_SPEC_PATH);
    const noSigning = structuredClone(spec);
    delete noSigning['x-volc-signing']; // signing facts live at the document root
    expect(() => createMockServer({ spec: noSigning })).toThrow(/x-volc-signing/);
    const restful = structuredClone(spec);
    (restful.paths as Record<string, unknown>)['/users/{id}'] = { get: { responses: {} } };
    expect(() => readSpec(restful)).toThrow(/path key "\/users\/\{id\}" is not of the form/);
  });
});
