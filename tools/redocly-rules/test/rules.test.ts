// Each case mutates the valid fixture's text once and expects exactly one problem from one rule, at a
// known line, through the real `redocly lint` CLI with the repo's plugin.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const VALID = readFileSync(here('fixtures/valid/openapi.yaml'), 'utf8');

interface Case {
  /** Text to replace in the valid fixture, and its replacement. */
  replace: [string, string];
  rule: string;
  message: RegExp;
  line: number;
}

/** The body of the old ListThings operation, to paste under a second method. */
const OLD_LIST_THINGS = VALID.slice(
  VALID.indexOf('    get:\n      operationId: ListThings_20210101') + '    get:'.length,
  VALID.indexOf('  /?Action=ListThings&Version=2022-01-01:') - 1,
);

const lineOf = (needle: string) => VALID.slice(0, VALID.indexOf(needle)).split('\n').length;

const cases: [string, Case][] = [
  [
    'path key without a Version',
    {
      replace: ['/?Action=DeleteThing&Version=2022-01-01:', '/?Action=DeleteThing:'],
      rule: 'rpc/path-key',
      message: /must be "\/\?Action=<Name>&Version=<YYYY-MM-DD>"/,
      line: lineOf('/?Action=DeleteThing&'),
    },
  ],
  [
    'Version that is not a calendar date',
    {
      replace: ['/?Action=DeleteThing&Version=2022-01-01:', '/?Action=DeleteThing&Version=2022-02-30:'],
      rule: 'rpc/path-key',
      message: /"2022-02-30" .* is not a calendar date/,
      line: lineOf('/?Action=DeleteThing&'),
    },
  ],
  [
    'operationId that differs from the Action',
    {
      replace: ['operationId: DeleteThing', 'operationId: RemoveThing'],
      rule: 'rpc/operation-id',
      message:
        /operationId "RemoveThing" must be the Action of its path key, "DeleteThing", or "DeleteThing_20220101"/,
      line: lineOf('operationId: DeleteThing'),
    },
  ],
  [
    'older Version without its version suffix',
    {
      replace: ['operationId: ListThings_20210101', 'operationId: ListThingsOld'],
      rule: 'rpc/operation-id',
      message: /must be the Action of its path key, "ListThings", or "ListThings_20210101"/,
      line: lineOf('operationId: ListThings_20210101'),
    },
  ],
  [
    'two Versions with the bare name (the newer one is reported)',
    {
      replace: ['operationId: ListThings_20210101', 'operationId: ListThings'],
      rule: 'rpc/operation-id',
      message:
        /operationId "ListThings" is already Version 2021-01-01's: .* this one is "ListThings_20220101"/,
      line: lineOf('      operationId: ListThings\n'),
    },
  ],
  [
    'no Version of an Action keeping the bare name',
    {
      replace: ['operationId: DeleteThing', 'operationId: DeleteThing_20220101'],
      rule: 'rpc/operation-id',
      message: /No Version of DeleteThing has the operationId "DeleteThing"/,
      line: lineOf('operationId: DeleteThing'),
    },
  ],
  [
    'missing common error response',
    {
      replace: [
        "        '400':\n          $ref: '#/components/responses/BadRequest'\n  /?Action=ListThings&Version=2021",
        '  /?Action=ListThings&Version=2021',
      ],
      rule: 'rpc/common-error-responses',
      message: /"DeleteThing" does not document the common error response\(s\) 400/,
      line: lineOf('      responses:\n'),
    },
  ],
  [
    'request body without an example',
    {
      replace: [
        '            examples:\n              one:\n                value:\n                  Key: abc\n',
        '',
      ],
      rule: 'rpc/examples',
      message: /Request body "application\/json" of "DeleteThing" has no example/,
      line: lineOf('          application/json:'),
    },
  ],
  [
    'query parameter without an example',
    {
      replace: [
        "            type: integer\n          example: 1\n      responses:\n        '200':\n          $ref: '#/components/responses/Ok'\n        '400':\n          $ref: '#/components/responses/BadRequest'\n  /?Action=ListThings&Version=2022-01-01:",
        "            type: integer\n      responses:\n        '200':\n          $ref: '#/components/responses/Ok'\n        '400':\n          $ref: '#/components/responses/BadRequest'\n  /?Action=ListThings&Version=2022-01-01:",
      ],
      rule: 'rpc/examples',
      message: /Parameter "Type" of "ListThings_20210101" has no example/,
      line: lineOf('        - name: Type'),
    },
  ],
  [
    'error example whose Code differs from its name',
    {
      replace: ['Code: MissingParameter', 'Code: InvalidParameter'],
      rule: 'rpc/error-examples',
      message:
        /Error example "MissingParameter" must carry ResponseMetadata.Error.Code "MissingParameter" \(found "InvalidParameter"\)/,
      line: lineOf('            MissingParameter:'),
    },
  ],
  [
    'operation that does not declare idempotency',
    {
      replace: ['      x-volc-idempotent: false\n', ''],
      rule: 'rpc/idempotency-declared',
      message: /"DeleteThing" must declare x-volc-idempotent: true or false/,
      line: lineOf('    post:'),
    },
  ],
  [
    'two operations on one Action',
    {
      replace: [
        '    get:\n      operationId: ListThings_20210101',
        `    post:${OLD_LIST_THINGS}\n    get:\n      operationId: ListThings_20210101`,
      ],
      rule: 'rpc/one-operation-per-action',
      message: /must hold exactly one operation \(get or post\); found get, post/,
      line: lineOf('  /?Action=ListThings&Version=2021-01-01:'),
    },
  ],
  [
    'GET with a request body',
    {
      replace: [
        "      x-volc-idempotent: true\n      parameters:\n        - name: Type\n          in: query\n          required: true\n          schema:\n            type: integer\n          example: 1\n      responses:\n        '200':\n          $ref: '#/components/responses/Ok'\n        '400':\n          $ref: '#/components/responses/BadRequest'\ncomponents:",
        "      x-volc-idempotent: true\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n            example: {}\n      parameters:\n        - name: Type\n          in: query\n          required: true\n          schema:\n            type: integer\n          example: 1\n      responses:\n        '200':\n          $ref: '#/components/responses/Ok'\n        '400':\n          $ref: '#/components/responses/BadRequest'\ncomponents:",
      ],
      rule: 'rpc/encoding',
      message: /GET operation "ListThings" must not have a request body/,
      line: lineOf(
        "      parameters:\n        - name: Type\n          in: query\n          required: true\n          schema:\n            type: integer\n          example: 1\n      responses:\n        '200':\n          $ref: '#/components/responses/Ok'\n        '400':\n          $ref: '#/components/responses/BadRequest'\ncomponents:",
      ),
    },
  ],
  [
    'request body in an unsupported media type',
    {
      replace: [
        '          application/json:\n            schema:\n              type: object\n              required: [Key]',
        '          text/plain:\n            schema:\n              type: object\n              required: [Key]',
      ],
      rule: 'rpc/encoding',
      message:
        /Request body of "DeleteThing" uses text\/plain; allowed: application\/json, application\/x-www-form-urlencoded, multipart\/form-data/,
      line: lineOf('          application/json:'),
    },
  ],
  [
    'deprecated operation without a replacement',
    {
      replace: ['      x-volc-replaced-by: ListThings\n', ''],
      rule: 'rpc/deprecation',
      message: /Deprecated operation "ListThings_20210101" must name its replacement in x-volc-replaced-by/,
      line: lineOf('    get:\n      operationId: ListThings_20210101'),
    },
  ],
  [
    'deprecated operation replaced by an unknown operation',
    {
      replace: ['x-volc-replaced-by: ListThings', 'x-volc-replaced-by: ListThingsV3'],
      rule: 'rpc/deprecation',
      message: /replaced by "ListThingsV3", which is not an operation of this spec/,
      line: lineOf('x-volc-replaced-by: ListThings'),
    },
  ],
  [
    'tag outside every tag group',
    {
      replace: ['    tags: [things]\n', '    tags: []\n'],
      rule: 'rpc/tag-groups',
      message: /Tag "things" is in no x-tagGroups group/,
      line: lineOf('  - name: things'),
    },
  ],
];

interface Problem {
  ruleId: string;
  message: string;
  location: { source: { ref: string }; start: { line: number } }[];
}

/** Lints every case in one CLI run and groups the problems by fixture file. */
function lintAll(files: Record<string, string>): Map<string, Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rpc-rules-'));
  const paths = Object.entries(files).map(([name, text]) => {
    mkdirSync(join(dir, name));
    const path = join(dir, name, 'openapi.yaml');
    writeFileSync(path, text);
    return path;
  });
  let output: string;
  try {
    output = execFileSync('redocly', ['lint', ...paths, '--config', here('redocly.yaml'), '--format=json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  // One JSON report per linted file, printed back to back.
  const reports = JSON.parse(`[${output.replace(/\}\s*\{(?=\s*"totals")/g, '},{')}]`) as {
    problems: Problem[];
  }[];
  const problems = reports.flatMap((report) => report.problems);
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const file = problem.location[0]?.source.ref ?? '';
    const name = file.split('/').at(-2) ?? file;
    byFile.set(name, [...(byFile.get(name) ?? []), problem]);
  }
  return byFile;
}

// The bare name kept by the older Version, the newer one suffixed: what a Version added after a release looks like.
const RELEASED_BARE_NAME = VALID.replace(
  '      operationId: ListThings\n',
  '      operationId: ListThings_20220101\n',
)
  .replace('operationId: ListThings_20210101', 'operationId: ListThings')
  .replace('x-volc-replaced-by: ListThings', 'x-volc-replaced-by: ListThings_20220101');
const fixtures: Record<string, string> = { valid: VALID, 'released-bare-name': RELEASED_BARE_NAME };
for (const [index, [, testCase]] of cases.entries()) {
  const [from, to] = testCase.replace;
  if (!VALID.includes(from)) throw new Error(`case ${index}: fixture text to replace not found`);
  fixtures[`case-${index}`] = VALID.replace(from, to);
}
const results = lintAll(fixtures);

describe('rpc lint rules', () => {
  it('accept the valid fixture', () => {
    expect(results.get('valid') ?? []).toEqual([]);
  });

  it('accept the bare name on an older Version, the newer one suffixed', () => {
    expect(RELEASED_BARE_NAME).not.toBe(VALID);
    expect(results.get('released-bare-name') ?? []).toEqual([]);
  });

  it.each(cases.map(([name, testCase], index) => [name, testCase, index] as const))(
    'report %s with the rule, message, file and line',
    (_name, testCase, index) => {
      const problems = results.get(`case-${index}`) ?? [];
      // Built-in rules may also speak (e.g. operation-4xx-response); of the RPC rules exactly one must.
      const rpcProblems = problems.filter((problem) => problem.ruleId.startsWith('rpc/'));
      expect(rpcProblems.map((problem) => problem.ruleId)).toEqual([testCase.rule]);
      const [problem] = rpcProblems;
      expect(problem?.message).toMatch(testCase.message);
      expect(problem?.location[0]?.source.ref).toMatch(new RegExp(`case-${index}/openapi\\.yaml$`));
      expect(problem?.location[0]?.start.line).toBe(testCase.line);
    },
  );
});
