// What the site was built from: the generated docs specs, read the way the tests need them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isObject, deref as modelDeref } from '@volc-openapi/spec-model';
import { type SiteService, siteServices } from '../scripts/site.ts';

export type Json = { [key: string]: unknown };

export const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const readJson = (path: string) => JSON.parse(readFileSync(here(path), 'utf8')) as Json;

/** Every registry service whose spec is built, so has a page on the site; and those without one. */
export const { built: services, missing: unbuilt } = siteServices();

/** The docs spec a service's page was built from, and the bundled spec it was generated from. */
export const docsSpecOf = (service: SiteService) =>
  JSON.parse(readFileSync(`${service.generatedDir}/openapi.docs.json`, 'utf8')) as Json;
export const bundledSpecOf = (service: SiteService) =>
  JSON.parse(readFileSync(service.bundle, 'utf8')) as Json;

/**
 * The service the in-depth browser tests (site, previews) walk through: VMS, the largest spec, with
 * deprecated Actions, HTTP-200 error codes and paged Actions.
 */
export const VMS = services.find((service) => service.entry.name === 'vms') as SiteService;
if (!VMS) throw new Error('spec/vms/dist/openapi.json is not built: run `pnpm build` in spec/vms');
export const docsSpec = docsSpecOf(VMS);
export const bundledSpec = bundledSpecOf(VMS);

/** Follows local `#/...` references (the model's reading); a value that is not an object reads as `{}`. */
export const deref = (spec: Json, node: unknown): Json => (isObject(node) ? modelDeref(spec, node) : {});

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface SiteOperation {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  titleZh?: string;
  deprecated: boolean;
  replacedBy?: string;
  errorCodes: number;
  /** Query parameter names and top-level body field names. */
  parameters: string[];
  samples: CodeSample[];
  /** The section id Redoc 3 gives the operation, and its deep link. */
  sectionId: string;
  link: string;
}

/** Every operation of a spec, in document order. */
export function operationsOf(spec: Json): SiteOperation[] {
  return Object.entries(spec.paths as Json).flatMap(([path, item]) =>
    Object.entries(deref(spec, item))
      .filter(([method]) => method === 'get' || method === 'post')
      .map(([method, node]) => {
        const operation = deref(spec, node);
        const tag = String((operation.tags as string[] | undefined)?.[0] ?? '');
        const id = String(operation.operationId);
        const sectionId = `${tag}/${id.toLowerCase()}`;
        const parameters = ((operation.parameters as unknown[] | undefined) ?? []).map((parameter) =>
          String(deref(spec, parameter).name),
        );
        const content = deref(spec, operation.requestBody).content;
        const media = isObject(content) ? Object.values(content)[0] : undefined;
        const schema = isObject(media) ? deref(spec, media.schema) : {};
        if (isObject(schema.properties)) parameters.push(...Object.keys(schema.properties));
        let errorCodes = 0;
        for (const response of Object.values(isObject(operation.responses) ? operation.responses : {})) {
          const body = deref(spec, response).content;
          const json = isObject(body) ? body['application/json'] : undefined;
          for (const example of Object.values(
            isObject(json) && isObject(json.examples) ? json.examples : {},
          )) {
            const value = deref(spec, example).value;
            if (isObject(value) && isObject(value.ResponseMetadata) && isObject(value.ResponseMetadata.Error))
              errorCodes++;
          }
        }
        return {
          operationId: id,
          method: method.toUpperCase(),
          path,
          tag,
          summary: String(operation.summary ?? ''),
          ...(typeof operation['x-volc-doc-title-zh'] === 'string'
            ? { titleZh: operation['x-volc-doc-title-zh'] }
            : {}),
          deprecated: operation.deprecated === true,
          ...(typeof operation['x-volc-replaced-by'] === 'string'
            ? { replacedBy: operation['x-volc-replaced-by'] }
            : {}),
          errorCodes,
          parameters,
          samples: (operation['x-codeSamples'] as CodeSample[] | undefined) ?? [],
          sectionId,
          link: `#/${sectionId}`,
        };
      }),
  );
}

/** The guide pages (`x-traitTag` tags) of a docs spec (VMS's unless told), by tag name. */
export function guideTag(name: string, spec: Json = docsSpec): Json {
  const tag = (spec.tags as Json[]).find((candidate) => candidate.name === name);
  if (!tag) throw new Error(`The docs spec has no "${name}" page`);
  return tag;
}

/** Whitespace-free text, so layout line breaks do not matter when comparing. */
export const squash = (text: string) => text.replace(/\s+/g, '');
