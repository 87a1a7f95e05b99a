// The mock's view of a spec: the service model of `@volc-openapi/spec-model`, read from a parsed
// document or a bundled file, with its problems reported as `MockConfigError`s.
import {
  type DocumentedError,
  type JsonObject,
  loadService,
  type Operation,
  readService,
  type ServiceModel,
  SpecModelError,
} from '@volc-openapi/spec-model';

export type { DocumentedError, JsonObject };

/** One operation of a service, as the spec model reads it. */
export type MockOperation = Operation;

/** One service, as the spec model reads it. */
export type MockSpec = ServiceModel;

/** A configuration problem the user can fix; the CLI prints its message without a stack trace. */
export class MockConfigError extends Error {
  override name = 'MockConfigError';
  /** The system error code behind it, when there is one (e.g. `EADDRINUSE`). */
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

function wrap<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SpecModelError) throw new MockConfigError(error.message);
    throw error;
  }
}

/** True for an already-read service model (rather than a parsed OpenAPI document). */
export function isServiceModel(value: unknown): value is ServiceModel {
  const candidate = value as Partial<ServiceModel> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    Array.isArray(candidate.operations) &&
    candidate.errors instanceof Map &&
    typeof candidate.signing === 'object'
  );
}

/**
 * Reads a bundled Action/Version OpenAPI 3 document (or passes a service model through); throws
 * `MockConfigError` with the model's readable message when it is not one.
 */
export function readSpec(document: unknown): MockSpec {
  return isServiceModel(document) ? document : wrap(() => readService(document));
}

/** Reads and checks a bundled spec file; every failure is a `MockConfigError` naming the file. */
export async function loadSpecFile(path: string): Promise<{ document: JsonObject; spec: MockSpec }> {
  const spec = wrap(() => loadService(path));
  return { document: spec.document, spec };
}
