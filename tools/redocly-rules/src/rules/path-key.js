import { parsePathKey } from '../rpc-path.js';

/** Every path key is `/?Action=<Name>&Version=<YYYY-MM-DD>` with a real calendar date. */
export default function PathKey() {
  return {
    // Visiting Paths (not PathItem) so the report points at the key in the root document even when
    // the path item itself lives in another file.
    Paths: {
      enter(paths, ctx) {
        for (const key of Object.keys(paths)) {
          const location = ctx.location.child([key]).key();
          const parsed = parsePathKey(key);
          if (!parsed) {
            ctx.report({
              message: `Path key "${key}" must be "/?Action=<Name>&Version=<YYYY-MM-DD>" (Action letters and digits, starting with a letter).`,
              location,
            });
          } else if (!parsed.validDate) {
            ctx.report({
              message: `Version "${parsed.version}" in path key "${key}" is not a calendar date (YYYY-MM-DD).`,
              location,
            });
          }
        }
      },
    },
  };
}
