// Every generated collection, run with the newman command against the mock of every service: each
// request is signed by the collection script (the mock checks the signature) and answered with a
// success envelope, and what the run records — every request and response, the console, the CLI
// report — carries no secret. (newman's JSON reporter also copies the run's inputs, the environment
// given, as they were: keep that file where the keys may be.)
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MOCK_CREDENTIALS, type RunningMockServer, startMockServer } from '@volc-openapi/mock-server';
import { loadService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postmanCollection, postmanEnvironment } from '../src/index.ts';

const run = promisify(execFile);
const NEWMAN = join(REPO_ROOT, 'tools/postman/node_modules/.bin/newman');
const services = readRegistry().map((entry) => ({
  entry,
  model: loadService(join(REPO_ROOT, entry.bundle)),
}));
let mock: RunningMockServer;
let work: string;
beforeAll(async () => {
  mock = await startMockServer({ specs: services.map(({ model }) => model) });
  work = mkdtempSync(join(tmpdir(), 'newman-'));
});
afterAll(async () => {
  await mock?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Execution {
  item: { name: string };
  response?: { code: number; stream?: { data: number[] } };
}

describe.each(services)('the $entry.name collection', ({ entry, model }) => {
  it('signs every request so that the mock verifies and answers it, and records no secret', async () => {
    const file = (kind: string) => join(work, `${entry.name}.${kind}.json`);
    writeFileSync(file('postman_collection'), JSON.stringify(postmanCollection(model, entry)));
    writeFileSync(file('postman_environment'), JSON.stringify(postmanEnvironment(model, entry)));
    const { stdout } = await run(
      NEWMAN,
      [
        'run',
        file('postman_collection'),
        '--environment',
        file('postman_environment'),
        '--env-var',
        `endpoint=${mock.url}`,
        '--env-var',
        `accessKeyId=${MOCK_CREDENTIALS.accessKeyId}`,
        '--env-var',
        `secretAccessKey=${MOCK_CREDENTIALS.secretAccessKey}`,
        '--reporters',
        'cli,json',
        '--reporter-json-export',
        file('report'),
        '--disable-unicode',
        '--color',
        'off',
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(file('report'), 'utf8')) as {
      run: { executions: Execution[]; failures: unknown[] };
    };
    const { executions, failures } = report.run;
    expect(executions).toHaveLength(model.operations.length);
    const answers = executions.map((execution) => {
      const text = Buffer.from(execution.response?.stream?.data ?? []).toString('utf8');
      const code = (JSON.parse(text || '{}') as { ResponseMetadata?: { Error?: { Code: string } } })
        .ResponseMetadata?.Error?.Code;
      return `${execution.item.name}: ${execution.response?.code} ${code ?? ''}`.trim();
    });
    expect(answers).toEqual(executions.map((execution) => `${execution.item.name}: 200`));
    expect(failures).toEqual([]);
    const recorded = JSON.stringify(report.run);
    expect(recorded).toContain('HMAC-SHA256 Credential=AKLTmockaccesskey/');
    expect(recorded).not.toContain(MOCK_CREDENTIALS.secretAccessKey);
    expect(stdout).toContain(`${model.operations.length}`);
    expect(stdout).not.toContain(MOCK_CREDENTIALS.secretAccessKey);
  });
});

it('says which variables to set when the keys are missing', async () => {
  const [{ entry, model }] = services as [(typeof services)[number]];
  const collection = postmanCollection(model, entry);
  const path = join(work, 'nokeys.json');
  writeFileSync(path, JSON.stringify(collection));
  writeFileSync(join(work, 'nokeys.env.json'), JSON.stringify(postmanEnvironment(model, entry)));
  const result = await run(
    NEWMAN,
    ['run', path, '-e', join(work, 'nokeys.env.json'), '--env-var', `endpoint=${mock.url}`, '--color', 'off'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: { stdout: string }) => error);
  expect(result.stdout).toContain('Set accessKeyId and secretAccessKey in the environment to sign requests');
});

it('leaves the keys of the environment template empty, the secret typed secret', () => {
  const [{ entry, model }] = services as [(typeof services)[number]];
  const values = postmanEnvironment(model, entry).values;
  expect(values.find((value) => value.key === 'secretAccessKey')).toMatchObject({
    value: '',
    type: 'secret',
  });
  expect(values.find((value) => value.key === 'accessKeyId')?.value).toBe('');
});
