// The platform catalogue: the error codes every Volcengine service shares, as the example files of
// spec/platform/components/examples/errors/ declare them (code, CodeN, message, `x-volc-transient`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isObject, SpecModelError } from './json.ts';
import { envelopeError } from './model.ts';
import { REPO_ROOT } from './registry.ts';

export const PLATFORM_ERRORS_DIR = 'spec/platform/components/examples/errors';

export interface PlatformError {
  code: string;
  codeN?: number;
  message: string;
  summary: string;
  transient: boolean;
}

/** Every platform error code, sorted by code. */
export function readPlatformErrors(root: string = REPO_ROOT): PlatformError[] {
  const dir = join(root, PLATFORM_ERRORS_DIR);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const example = parse(readFileSync(join(dir, file), 'utf8')) as unknown;
      const error = isObject(example) ? envelopeError(example.value) : undefined;
      if (!isObject(example) || !error)
        throw new SpecModelError(
          `${PLATFORM_ERRORS_DIR}/${file}: not an error example (value.ResponseMetadata.Error.Code)`,
        );
      return {
        code: String(error.Code),
        ...(typeof error.CodeN === 'number' ? { codeN: error.CodeN } : {}),
        message: typeof error.Message === 'string' ? error.Message : '',
        summary: typeof example.summary === 'string' ? example.summary : '',
        transient: example['x-volc-transient'] === true,
      };
    });
}
