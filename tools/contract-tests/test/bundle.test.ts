// Every service's client shares one runtime and one signer: a program that uses all the clients of
// the registry, bundled for the browser, holds one copy of each (its clients' `workspace:^` ranges
// resolve to the same packages), and the runtime's modules appear once.
import { fileURLToPath } from 'node:url';
import { bundle } from '@volc-openapi/bundle-size';
import { readRegistry } from '@volc-openapi/spec-model';
import { expect, it } from 'vitest';

it('a program using every client bundles one runtime and one signer', async () => {
  const services = readRegistry();
  const source = services
    .flatMap(({ clientPackage, factory, name }) => [
      `import { ${factory} } from '${clientPackage}';`,
      `console.log(${factory}({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } }), '${name}');`,
    ])
    .join('\n');
  const { inputs, gzip } = await bundle({ source, resolveDir: fileURLToPath(new URL('.', import.meta.url)) });
  console.log(`${services.length} clients: ${gzip} B gzipped`);
  const copies = (pattern: RegExp) =>
    new Set(inputs.filter((input) => pattern.test(input)).map((input) => input.replace(pattern, '')));
  // Each client's own code is in, once per service.
  for (const { name } of services)
    expect(
      inputs.some((input) => input.includes(`packages/${name}/dist/`)),
      name,
    ).toBe(true);
  // One directory each for the runtime and the signer, whichever client imported them.
  expect(copies(/runtime\/dist\/.*$/).size).toBe(1);
  expect(copies(/signer\/dist\/.*$/).size).toBe(1);
  expect(inputs.filter((input) => /runtime\/dist\/index\.js$/.test(input))).toHaveLength(1);
  expect(inputs.filter((input) => /openapi-fetch\/dist\/index\.m?js$/.test(input))).toHaveLength(1);
});
