// Reading a bundled spec file into the model, every failure one readable line naming the file.
import { readFileSync } from 'node:fs';
import { SpecModelError } from './json.ts';
import { readService, type ServiceModel } from './model.ts';

export function loadService(path: string): ServiceModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file (build the spec first: pnpm build)'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (error as Error).message;
    throw new SpecModelError(`cannot read the spec ${path}: ${why}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SpecModelError(
      `the spec ${path} is not JSON (${(error as Error).message}); pass the bundled openapi.json, not the YAML sources`,
    );
  }
  try {
    return readService(document);
  } catch (error) {
    if (error instanceof SpecModelError)
      throw new SpecModelError(`the spec ${path} is unusable: ${error.message}`);
    throw error;
  }
}
