// The multi-service layout, checked without a browser: every registry service whose spec is built has
// its page with every operation of its spec, and the landing page lists exactly those services, with
// the facts it states taken from the registry and the service models.
import { existsSync, readFileSync } from 'node:fs';
import { loadService, readRegistry } from '@volc-openapi/spec-model';
import { describe, expect, it } from 'vitest';
import { PREVIEWS_DATA_ID } from '../scripts/site.ts';
import { here, services, unbuilt } from './docs-spec.ts';

const landing = readFileSync(here('../dist/index.html'), 'utf8');

/** The landing page's row of a service, or undefined. */
const rowOf = (name: string) => new RegExp(`<tr data-service="${name}">([\\s\\S]*?)</tr>`).exec(landing)?.[1];

describe('site layout', () => {
  it('builds a page for every registry service whose spec is built, and only for those', () => {
    const registry = readRegistry().map((entry) => entry.name);
    expect(
      [...services, ...unbuilt].map((service) => ('entry' in service ? service.entry : service).name).sort(),
    ).toEqual([...registry].sort());
    expect(services.length).toBeGreaterThan(0);
    for (const service of services)
      expect(existsSync(`${service.distDir}/index.html`), service.entry.name).toBe(true);
    for (const entry of unbuilt)
      expect(existsSync(here(`../dist/${entry.name}/index.html`)), entry.name).toBe(false);
  });

  it.each(services.map((service) => [service.entry.name, service] as const))(
    'the page of %s has every operation of its spec, with its title',
    (_, service) => {
      const model = loadService(service.bundle);
      const page = readFileSync(`${service.distDir}/index.html`, 'utf8');
      expect(page).toContain(`<title>${service.entry.title} API</title>`);
      const json = new RegExp(
        `<script type="application/json" id="${PREVIEWS_DATA_ID}">(.*?)</script>`,
        's',
      ).exec(page)?.[1];
      const previews = JSON.parse(json ?? '{}') as Record<string, string>;
      expect(Object.keys(previews)).toHaveLength(model.operations.length);
      for (const operation of model.operations) {
        const sectionId = `${operation.tags[0]}/${operation.operationId.toLowerCase()}`;
        expect(previews[sectionId], operation.operationId).toContain(
          `${operation.method} ${operation.pathKey.replace('&', '&amp;')}`,
        );
        // Redoc's inline bundle carries the operation too.
        expect(page, operation.operationId).toContain(`"operationId":"${operation.operationId}"`);
      }
    },
  );

  it('lists every built service on the landing page with its facts, its link and its Action count', () => {
    const rows = [...landing.matchAll(/<tr data-service="([a-z0-9]+)">/g)].map((match) => match[1]);
    expect(rows).toEqual(services.map((service) => service.entry.name));
    for (const service of services) {
      const model = loadService(service.bundle);
      const row = rowOf(service.entry.name) ?? '';
      expect(row).toContain(`<a href="${service.entry.name}/index.html">${service.entry.title}</a>`);
      expect(row).toContain(service.entry.titleZh);
      expect(row).toContain(`<code>${model.endpoint}</code>`);
      expect(row).toContain(`<code>${model.signing.service}</code>`);
      for (const version of new Set(model.operations.map((operation) => operation.version)))
        expect(row).toContain(`<code>${version}</code>`);
      expect(row).toContain(`<td class="actions">${model.operations.length}</td>`);
    }
    for (const entry of unbuilt) expect(landing).toContain(entry.title);
  });
});
