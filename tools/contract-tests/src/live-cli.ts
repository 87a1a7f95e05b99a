#!/usr/bin/env node
// pnpm test:live — the read-only contract cases of one service (`--service <name>`, default vms) against
// its real endpoint (or <NAME>_ENDPOINT, e.g. VMS_ENDPOINT); `--only <operationId>` (repeatable) narrows
// them, `--preflight` only checks the credentials.
// Needs VOLC_ACCESSKEY and VOLC_SECRETKEY (VOLC_SESSION_TOKEN for temporary keys); never part of `pnpm test`.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findService } from '@volc-openapi/spec-model';
import { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import { casesUrl, contractService } from './cases.ts';
import { formatLive, runLive } from './live.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    only: { type: 'string', multiple: true },
    service: { type: 'string', default: 'vms' },
    // Checks the credentials only, so `pnpm test:live` can say what is missing before it builds.
    preflight: { type: 'boolean', default: false },
  },
});

const accessKeyId = process.env.VOLC_ACCESSKEY ?? '';
const secretAccessKey = process.env.VOLC_SECRETKEY ?? '';
if (!accessKeyId || !secretAccessKey) {
  process.stderr.write(
    'test:live: no credentials. Set VOLC_ACCESSKEY and VOLC_SECRETKEY (and VOLC_SESSION_TOKEN for temporary keys) to run the read-only contract cases against the real endpoint; nothing was sent.\n',
  );
  process.exit(2);
}
if (values.preflight) process.exit(0);
const entry = findService(values.service);
if (!existsSync(casesUrl(entry.name))) {
  process.stderr.write('test:live: generated/cases.json is missing; run `pnpm build` first.\n');
  process.exit(2);
}

const service = await contractService(entry);
const { spec } = service;
const servers = Array.isArray(spec.servers) ? (spec.servers as { url?: string }[]) : [];
const endpoint = process.env[`${entry.name.toUpperCase()}_ENDPOINT`] || servers[0]?.url || '';
const sessionToken = process.env.VOLC_SESSION_TOKEN;
process.stdout.write(`test:live: read-only contract cases against ${endpoint}\n`);
const results = await runLive({
  service,
  cases: service.cases,
  spec,
  schemas: new SpecSchemas(spec),
  endpoint,
  credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
  ...(values.only ? { only: values.only } : {}),
});
process.stdout.write(formatLive(results));
process.exit(results.every((result) => result.ok) ? 0 : 1);
