// Bundle size of a one-call program: this client against the official SDK, each bundled with esbuild
// (minified) and gzipped. The official SDK cannot be bundled for a browser, so both are measured
// for the platform each supports best: ours for the browser, theirs for Node.

import { fileURLToPath } from 'node:url';
import { bundle, type Platform } from '@volc-openapi/bundle-size';
import { emit } from './report.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

const programs: Record<string, { platform: Platform; source: string }> = {
  '@volc-openapi/vms': {
    platform: 'browser',
    source: `import { createVmsClient } from '@volc-openapi/vms';
const vms = createVmsClient({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });
console.log(await vms.OpenDeleteResource({ ResourceKey: 'abcdef' }));`,
  },
  '@volcengine/openapi': {
    platform: 'node',
    source: `import { Service } from '@volcengine/openapi';
const service = new Service({ host: 'cloud-vms.volcengineapi.com', serviceName: 'vms', region: 'cn-north-1', accessKeyId: 'AK', secretKey: 'SK' });
const OpenDeleteResource = service.createAPI('OpenDeleteResource', { Version: '2022-01-01', method: 'POST', contentType: 'json' });
console.log(await OpenDeleteResource({ ResourceKey: 'abcdef' }));`,
  },
};

const sizes: Record<string, number> = {};
for (const [name, program] of Object.entries(programs))
  sizes[name] = (await bundle({ source: program.source, resolveDir: here, platform: program.platform })).gzip;
const ours = sizes['@volc-openapi/vms'] ?? 0;
const theirs = sizes['@volcengine/openapi'] ?? 0;
emit({
  group: 'packages',
  name: 'one-call program, this client (browser, min+gz)',
  value: ours / 1024,
  unit: 'kB',
  ratio: `${(theirs / ours).toFixed(1)}× smaller than the official SDK`,
  goal: '≤ 10 kB',
  met: ours <= 10 * 1024,
});
emit({
  group: 'packages',
  name: 'one-call program, @volcengine/openapi (node, min+gz)',
  value: theirs / 1024,
  unit: 'kB',
});
