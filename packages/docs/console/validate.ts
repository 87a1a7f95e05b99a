// Checks a console input before anything is sent: JSON text, an object, then the operation's
// generated validator (ajv standalone code from the spec). The problem names the failing field.

interface ValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: { missingProperty?: string; additionalProperty?: string };
}

/** A validator of tools/codegen's `renderConsoleValidators`. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

export type Checked =
  | { ok: true; input: Record<string, unknown> }
  | { ok: false; field: string; problem: string };

/** `/PhoneList/0/Phone` → `PhoneList[0].Phone`. */
function fieldName(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

export function checkInput(text: string, validate: Validator): Checked {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, field: '(body)', problem: `is not JSON: ${(error as Error).message}` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, field: '(body)', problem: 'must be a JSON object of the request fields' };
  if (validate(input)) return { ok: true, input: input as Record<string, unknown> };
  const [error] = validate.errors ?? [];
  if (!error) return { ok: false, field: '(body)', problem: 'does not match the request schema' };
  const at = fieldName(error.instancePath);
  const { missingProperty, additionalProperty } = error.params;
  if (missingProperty)
    return { ok: false, field: at ? `${at}.${missingProperty}` : missingProperty, problem: 'is required' };
  if (additionalProperty)
    return {
      ok: false,
      field: at ? `${at}.${additionalProperty}` : additionalProperty,
      problem: 'is not a field of this request',
    };
  return { ok: false, field: at || '(body)', problem: error.message ?? `fails "${error.keyword}"` };
}
