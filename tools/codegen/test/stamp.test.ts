// Per-service regeneration: an output is kept only while the digest of its inputs is the one it was
// written from.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { digestOf, markUpToDate, upToDate } from '../src/stamp.ts';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stamp-'));
  mkdirSync(join(root, 'src/nested'), { recursive: true });
  mkdirSync(join(root, 'src/node_modules'), { recursive: true });
  writeFileSync(join(root, 'spec.json'), '{"a":1}');
  writeFileSync(join(root, 'src/a.ts'), 'a');
  writeFileSync(join(root, 'src/nested/b.ts'), 'b');
  writeFileSync(join(root, 'src/node_modules/c.js'), 'c');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('changes with any file’s content, a new file or a missing input, not with node_modules', () => {
  const inputs = [join(root, 'spec.json'), join(root, 'src')];
  const first = digestOf(inputs);
  expect(digestOf(inputs)).toBe(first);
  writeFileSync(join(root, 'src/node_modules/c.js'), 'changed');
  expect(digestOf(inputs)).toBe(first);
  writeFileSync(join(root, 'src/nested/b.ts'), 'b2');
  const second = digestOf(inputs);
  expect(second).not.toBe(first);
  writeFileSync(join(root, 'src/nested/d.ts'), '');
  expect(digestOf(inputs)).not.toBe(second);
  expect(digestOf([join(root, 'absent.json')])).not.toBe(digestOf([]));
});

it('keeps an output only while it was written from the same digest', () => {
  const out = join(root, 'out');
  mkdirSync(out);
  const digest = digestOf([join(root, 'spec.json')]);
  expect(upToDate(out, digest)).toBe(false);
  markUpToDate(out, digest);
  expect(upToDate(out, digest)).toBe(true);
  writeFileSync(join(root, 'spec.json'), '{"a":2}');
  expect(upToDate(out, digestOf([join(root, 'spec.json')]))).toBe(false);
});
