// Decodes what a request carries (query string, JSON / form / multipart body) into typed objects
// ready for schema validation. Which fields exist, their types and how they travel come from the spec.
import { decodeField, decodeFields, groupPairs } from './coerce.ts';
import type { JsonObject, MockOperation } from './spec.ts';
import { BODY_PARAMETER, invalid, type ParameterProblem } from './validation.ts';

export interface DecodedInput {
  /** Declared query parameters that were sent, converted to their schema types. */
  query: JsonObject;
  /** The decoded body; undefined when the operation declares none. */
  body: unknown;
}

export type DecodeResult = { ok: true; input: DecodedInput } | { ok: false; problem: ParameterProblem };

function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

export function decodeQuery(
  document: JsonObject,
  operation: MockOperation,
  search: URLSearchParams,
): JsonObject {
  const query: JsonObject = {};
  for (const field of operation.query) {
    const values = search.getAll(field.name);
    if (values.length > 0) query[field.name] = decodeField(document, field, values);
  }
  return query;
}

async function decodeBody(
  document: JsonObject,
  operation: MockOperation,
  contentType: string | undefined,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<{ ok: true; body: unknown } | { ok: false; problem: ParameterProblem }> {
  const declared = operation.body;
  if (!declared) return { ok: true, body: undefined };
  // An empty body stands for "no fields", so a missing required field is reported by name.
  if (bytes.length === 0) return { ok: true, body: {} };

  const type = mediaType(contentType) ?? declared.mediaType;
  const text = new TextDecoder().decode(bytes);
  if (type === 'application/json' || type?.endsWith('+json')) {
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch (error) {
      return {
        ok: false,
        problem: invalid(BODY_PARAMETER, `it is not valid JSON (${(error as Error).message})`),
      };
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { ok: true, body: decodeFields(document, declared.fields, groupPairs(new URLSearchParams(text))) };
  }
  if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType ?? type } }).formData();
    } catch (error) {
      return {
        ok: false,
        problem: invalid(BODY_PARAMETER, `it is not valid multipart/form-data (${(error as Error).message})`),
      };
    }
    // A file part validates as its file name: the mock checks presence and shape, not content.
    const pairs = [...form.entries()].map(([name, value]): [string, string] => [
      name,
      typeof value === 'string' ? value : value.name,
    ]);
    return { ok: true, body: decodeFields(document, declared.fields, groupPairs(pairs)) };
  }
  return {
    ok: false,
    problem: invalid(
      'Content-Type',
      `${type} is not accepted; send application/json, application/x-www-form-urlencoded or multipart/form-data`,
    ),
  };
}

/** Decodes the query string and body of a request for `operation`. */
export async function decodeInput(
  document: JsonObject,
  operation: MockOperation,
  search: URLSearchParams,
  contentType: string | undefined,
  body: Uint8Array<ArrayBuffer>,
): Promise<DecodeResult> {
  const decoded = await decodeBody(document, operation, contentType, body);
  if (!decoded.ok) return decoded;
  return { ok: true, input: { query: decodeQuery(document, operation, search), body: decoded.body } };
}
