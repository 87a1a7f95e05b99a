#!/usr/bin/env node
// synth-spec --actions <N> --out <file.json> [--seed <n>] [--version <YYYY-MM-DD>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { synthesizeSpec } from './index.ts';

const USAGE = 'usage: synth-spec --actions <N> --out <file.json> [--seed <n>] [--version <YYYY-MM-DD>]';

const { values } = parseArgs({
  options: {
    actions: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    version: { type: 'string', default: '2022-01-01' },
  },
});
const actions = Number(values.actions);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(actions) || actions < 1 || !Number.isInteger(seed)) {
  process.stderr.write(`synth-spec: --actions (a positive integer) and --out are required\n${USAGE}\n`);
  process.exit(2);
}
const spec = synthesizeSpec({ actions, seed, version: values.version });
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(spec)}\n`);
process.stdout.write(`synth-spec: ${actions} actions → ${values.out}\n`);
