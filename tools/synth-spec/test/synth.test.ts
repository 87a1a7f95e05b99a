import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readService, signingTarget } from '@volc-openapi/spec-model';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type JsonObject, synthesizeSpec } from '../src/index.ts';

const readOperations = (spec: JsonObject) => readService(spec).operations;
const readSigning = (spec: JsonObject) => signingTarget(readService(spec));

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('synthesizeSpec', () => {
  it.each([1, 2, 37, 1000])('describes exactly %i operations', (actions) => {
    const spec = synthesizeSpec({ actions });
    expect(Object.keys(spec.paths as JsonObject)).toHaveLength(actions);
    expect(readOperations(spec)).toHaveLength(actions);
  });

  it('gives the same document for the same options, and another for another seed', () => {
    expect(JSON.stringify(synthesizeSpec({ actions: 50 }))).toBe(
      JSON.stringify(synthesizeSpec({ actions: 50 })),
    );
    expect(JSON.stringify(synthesizeSpec({ actions: 50, seed: 2 }))).not.toBe(
      JSON.stringify(synthesizeSpec({ actions: 50 })),
    );
  });

  it('has the shapes of the real API: every encoding, paging, HTTP-200 errors, deprecation, older Versions', () => {
    const spec = synthesizeSpec({ actions: 300 });
    const operations = readOperations(spec);
    expect(new Set(operations.map((operation) => operation.encoding))).toEqual(
      new Set(['json', 'form', 'multipart', 'query']),
    );
    expect(operations.some((operation) => operation.pagination)).toBe(true);
    expect(operations.some((operation) => operation.errors.some((error) => error.status === 200))).toBe(true);
    expect(operations.some((operation) => operation.operationId.endsWith('_20210101'))).toBe(true);
    const ids = new Map(operations.map((operation) => [operation.operationId, operation]));
    const deprecated = operations.filter((operation) => operation.deprecated);
    expect(deprecated.length).toBeGreaterThan(0);
    for (const operation of deprecated) {
      const node = (spec.paths as Record<string, Record<string, JsonObject>>)[operation.pathKey]?.[
        operation.method.toLowerCase()
      ] as JsonObject;
      expect(ids.get(String(node['x-volc-replaced-by']))?.deprecated).toBe(false);
    }
    expect(operations.every((operation) => operation.titleZh && operation.tags.length === 1)).toBe(true);
    expect(readSigning(spec)).toEqual({
      service: 'vms',
      region: 'cn-beijing',
      endpoint: 'https://cloud-vms.volcengineapi.com',
    });
    const grouped = (spec['x-tagGroups'] as { tags: string[] }[]).flatMap((group) => group.tags);
    expect(grouped.sort()).toEqual((spec.tags as { name: string }[]).map((tag) => tag.name).sort());
  });

  it('passes the repo lint rules (recommended + rpc/*) without errors or warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synth-spec-'));
    try {
      const config = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')) as JsonObject;
      config.plugins = (config.plugins as string[]).map((plugin) => join(root, plugin));
      delete config.apis;
      writeFileSync(join(dir, 'redocly.yaml'), stringify(config));
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(synthesizeSpec({ actions: 60 })));
      const lint = spawnSync(
        join(root, 'node_modules/.bin/redocly'),
        ['lint', join(dir, 'openapi.json'), '--config', join(dir, 'redocly.yaml'), '--format=stylish'],
        { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
      );
      expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
      expect(`${lint.stdout}${lint.stderr}`).toContain('Your API description is valid');
      expect(`${lint.stdout}${lint.stderr}`).not.toMatch(/You have \d+ warning/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
