import { codeSamples, facadeSample, rawSample, type SampleOptions } from './samples.ts';
import { deref, type JsonObject, type RpcOperation, type SigningDoc } from './spec.ts';

export interface DocsOutput {
  /** The bundled spec with `x-codeSamples` on every operation, ready for `redocly build-docs`. */
  docsSpec: JsonObject;
  /** TypeScript sample files by name, type-checked against the generated client so they cannot rot. */
  sampleFiles: Record<string, string>;
}

/** Adds the generated code samples to a copy of the bundled spec. */
export function renderDocs(
  spec: JsonObject,
  operations: RpcOperation[],
  signing: SigningDoc,
  options: SampleOptions,
): DocsOutput {
  const docsSpec = structuredClone(spec);
  const paths = docsSpec.paths as JsonObject;
  const sampleFiles: Record<string, string> = {};
  for (const operation of operations) {
    const pathItem = deref(docsSpec, paths[operation.path]);
    const target = deref(docsSpec, pathItem[operation.method.toLowerCase()]);
    target['x-codeSamples'] = codeSamples(operation, signing, options);
    sampleFiles[`${operation.operationId}.facade.ts`] = facadeSample(operation, options);
    sampleFiles[`${operation.operationId}.raw.ts`] = rawSample(operation, options);
  }
  return { docsSpec, sampleFiles };
}
