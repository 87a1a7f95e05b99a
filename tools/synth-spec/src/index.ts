// Synthetic Action/Version specs in the shape of the bundled VMS spec (spec/vms/dist/openapi.json):
// path keys `/?Action=<Name>&Version=<date>`, operationId = Action, x-volc-idempotent, x-volc-doc-title-zh,
// deprecation with x-volc-replaced-by, wire variants, offset paging, error codes as named examples
// (some with HTTP 200), tags in x-tagGroups and an HMAC-SHA256 scheme, signed as x-volc-signing says.
// The same options always give the same document, so benchmark runs compare like with like.

export type JsonObject = { [key: string]: unknown };

export interface SynthOptions {
  /** How many operations (path keys) the document describes; at least 1. */
  actions: number;
  /** Seed of the pseudo-random choices (default 1). */
  seed?: number;
  /** The current Version of every Action (default `2022-01-01`). */
  version?: string;
}

const OLD_VERSION = '2021-01-01';
const OPERATIONS_PER_TAG = 15;
const TAGS_PER_GROUP = 6;

const VERBS: [string, string][] = [
  ['Create', '创建'],
  ['Update', '更新'],
  ['Delete', '删除'],
  ['Query', '查询'],
  ['List', '列出'],
  ['Bind', '绑定'],
  ['Unbind', '解绑'],
  ['Enable', '启用'],
  ['Disable', '停用'],
  ['Cancel', '取消'],
  ['Fetch', '获取'],
  ['Upload', '上传'],
  ['Commit', '提交'],
  ['Select', '选择'],
  ['Register', '注册'],
  ['Pause', '暂停'],
  ['Resume', '恢复'],
  ['Stop', '停止'],
];
const NOUNS: [string, string][] = [
  ['Task', '任务'],
  ['Resource', '语音资源'],
  ['Number', '号码'],
  ['NumberPool', '号码池'],
  ['Subscription', '绑定关系'],
  ['Qualification', '资质'],
  ['Scene', '场景'],
  ['BlackList', '黑名单'],
  ['CallRecord', '通话记录'],
  ['AudioFile', '录音文件'],
  ['TtsTemplate', '语音模板'],
  ['Group', '号码组'],
  ['Binding', '隐私号绑定'],
  ['Application', '号码申请'],
  ['Auth', '认证'],
  ['Industry', '行业'],
];
const READ_VERBS = new Set(['Query', 'List', 'Fetch', 'Select']);

/** A field a request or result may carry: its schema (with an `examples` entry) and whether it fits a query string. */
interface Field {
  name: string;
  scalar: boolean;
  schema: JsonObject;
}

const FIELDS: Field[] = [
  {
    name: 'TaskOpenId',
    scalar: true,
    schema: { type: 'string', description: 'Id of the task.', examples: ['8c2d1a3f9b7e4d10'] },
  },
  {
    name: 'Name',
    scalar: true,
    schema: { type: 'string', description: 'Display name.', maxLength: 64, examples: ['spring-campaign'] },
  },
  {
    name: 'Type',
    scalar: true,
    schema: {
      type: 'integer',
      format: 'int32',
      enum: [0, 1, 2],
      description: 'Kind of object: 0 audio file, 1 TTS template, 2 IVR file.',
      examples: [1],
    },
  },
  {
    name: 'State',
    scalar: true,
    schema: {
      type: 'integer',
      format: 'int32',
      enum: [0, 1, 2],
      description: 'Review state: 0 in review, 1 approved, 2 rejected.',
      examples: [1],
    },
  },
  {
    name: 'Keyword',
    scalar: true,
    schema: {
      type: 'string',
      description: 'Only objects whose name contains this text.',
      examples: ['name'],
    },
  },
  {
    name: 'ResourceKey',
    scalar: true,
    schema: {
      type: 'string',
      description: 'Key of a voice resource.',
      examples: ['e6eaa926a2ed41df8f52d63c046b7d78'],
    },
  },
  {
    name: 'NumberPoolNo',
    scalar: true,
    schema: { type: 'string', description: 'Number of the number pool.', examples: ['NP162213338604093530'] },
  },
  {
    name: 'PhoneNoA',
    scalar: true,
    schema: { type: 'string', description: 'Real number of party A.', examples: ['13700000000'] },
  },
  {
    name: 'ExpireTime',
    scalar: true,
    schema: {
      type: 'integer',
      format: 'int64',
      description: 'When the object expires, in epoch seconds.',
      examples: [1767225600],
    },
  },
  {
    name: 'AudioRecordFlag',
    scalar: true,
    schema: {
      type: 'integer',
      format: 'int32',
      enum: [0, 1],
      description: 'Whether calls are recorded: 0 no, 1 yes.',
      examples: [1],
    },
  },
  {
    name: 'Remark',
    scalar: true,
    schema: { type: 'string', description: 'Free text kept with the object.', examples: ['营销'] },
  },
  {
    name: 'CallIdList',
    scalar: false,
    schema: {
      type: 'array',
      description: 'Ids of calls.',
      items: { type: 'string' },
      maxItems: 100,
      examples: [['NM12345', 'Dcc12345']],
    },
  },
  {
    name: 'Options',
    scalar: false,
    schema: {
      type: 'object',
      description: 'Optional settings.',
      additionalProperties: false,
      properties: {
        Concurrency: { type: 'integer', format: 'int32', description: 'Calls at once.', examples: [10] },
        StartTime: {
          type: 'string',
          description: 'Start, `yyyy-MM-dd HH:mm:ss`.',
          examples: ['2025-01-01 09:00:00'],
        },
      },
      examples: [{ Concurrency: 10, StartTime: '2025-01-01 09:00:00' }],
    },
  },
];

const PAGING_FIELDS: Field[] = [
  {
    name: 'Offset',
    scalar: true,
    schema: {
      type: 'integer',
      format: 'int32',
      minimum: 0,
      description: 'How many records to skip.',
      examples: [0],
    },
  },
  {
    name: 'Limit',
    scalar: true,
    schema: {
      type: 'integer',
      format: 'int32',
      minimum: 1,
      maximum: 100,
      description: 'Page size.',
      examples: [10],
    },
  },
];

/** The error codes the synthetic gateway documents: status, CodeN and a one-line meaning. */
const ERRORS: { code: string; status: string; codeN?: number; summary: string }[] = [
  { code: 'MissingParameter', status: '400', codeN: 100002, summary: 'A required parameter is absent.' },
  { code: 'InvalidParameter', status: '400', summary: 'A parameter is malformed or out of range.' },
  {
    code: 'InvalidTimestamp',
    status: '400',
    codeN: 100006,
    summary: 'X-Date is too far from the server clock.',
  },
  { code: 'SignatureDoesNotMatch', status: '401', codeN: 100010, summary: 'The signature does not match.' },
  { code: 'InvalidAccessKey', status: '401', codeN: 100009, summary: 'The AccessKey is not valid.' },
  { code: 'AccessDenied', status: '403', codeN: 100013, summary: 'The caller may not run this Action.' },
  {
    code: 'InvalidActionOrVersion',
    status: '404',
    codeN: 100008,
    summary: 'No such Action at this Version.',
  },
  { code: 'InternalError', status: '500', codeN: 100014, summary: 'The service failed internally.' },
  { code: 'ServiceUnavailable', status: '503', summary: 'The service is briefly unavailable; retry later.' },
  { code: 'SystemError', status: '200', summary: 'A business error reported with HTTP 200.' },
  { code: 'IllegalArgument', status: '200', summary: 'An argument was refused, reported with HTTP 200.' },
];
const RESPONSES: [string, string, string][] = [
  ['400', 'BadRequest', 'The request was refused before it ran.'],
  ['401', 'Unauthorized', 'The signature or the AccessKey was not accepted.'],
  ['403', 'Forbidden', 'The caller lacks the permission.'],
  ['404', 'NotFound', 'The Action or Version does not exist.'],
  ['500', 'InternalServerError', 'The service failed.'],
  ['503', 'ServiceUnavailable', 'The service is briefly unavailable.'],
];

/** mulberry32: a small, fast, seedable generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const exampleOf = (schema: JsonObject): unknown => (schema.examples as unknown[])[0];
/** `NumberPoolV2` → `number pool v2`. */
const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

interface Plan {
  action: string;
  titleZh: string;
  verb: string;
  version: string;
  operationId: string;
  tag: string;
  method: 'get' | 'post';
  encoding: 'json' | 'form' | 'multipart' | 'query';
  paged: boolean;
  deprecatedBy?: string;
  okErrors: boolean;
  wireVariant: boolean;
  fields: Field[];
  required: string[];
}

function plan(options: SynthOptions): Plan[] {
  const next = random(options.seed ?? 1);
  const version = options.version ?? '2022-01-01';
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const plans: Plan[] = [];
  let name = 0;
  const newName = (): [string, string, string] => {
    const verb = VERBS[name % VERBS.length] as [string, string];
    const noun = NOUNS[Math.floor(name / VERBS.length) % NOUNS.length] as [string, string];
    const round = Math.floor(name / (VERBS.length * NOUNS.length));
    name++;
    const suffix = round ? String(round + 1) : '';
    return [`${verb[0]}${noun[0]}${suffix}`, `${verb[1]}${noun[1]}${suffix}`, verb[0]];
  };
  while (plans.length < options.actions) {
    const [action, titleZh, verb] = newName();
    const tag = `area-${String(Math.floor(plans.length / OPERATIONS_PER_TAG) + 1).padStart(3, '0')}`;
    const base = (overrides: Partial<Plan>): Plan => {
      const read = READ_VERBS.has(verb);
      const roll = next();
      const encoding: Plan['encoding'] =
        read && roll < 0.5
          ? 'query'
          : roll < 0.75
            ? 'json'
            : roll < 0.9
              ? 'form'
              : roll < 0.95
                ? 'multipart'
                : 'query';
      const paged = read && next() < 0.5;
      const pool = encoding === 'json' ? FIELDS : FIELDS.filter((field) => field.scalar);
      const count = 1 + Math.floor(next() * 5);
      const fields = [...new Set(Array.from({ length: count }, () => pick(pool)))];
      if (paged) fields.push(...PAGING_FIELDS);
      return {
        action,
        titleZh,
        verb,
        version,
        operationId: action,
        tag,
        method: encoding === 'query' && (read || next() < 0.5) ? 'get' : 'post',
        encoding,
        paged,
        okErrors: next() < 0.1,
        wireVariant: next() < 0.05,
        fields,
        required: fields.slice(0, 1).map((field) => field.name),
        ...overrides,
      };
    };
    const room = options.actions - plans.length;
    const roll = next();
    if (room >= 2 && roll < 0.04) {
      // A superseded Action and its V2 successor, side by side as in the real API.
      plans.push(base({ deprecatedBy: `${action}V2` }));
      plans.push(base({ action: `${action}V2`, operationId: `${action}V2`, titleZh: `${titleZh}V2` }));
    } else if (room >= 2 && roll < 0.07) {
      // The same Action at an older Version: the older one carries the date in its operationId.
      plans.push(base({}));
      plans.push(base({ version: OLD_VERSION, operationId: `${action}_${OLD_VERSION.replaceAll('-', '')}` }));
    } else plans.push(base({}));
  }
  return plans;
}

function objectSchema(description: string, fields: Field[], required: string[]): JsonObject {
  return {
    type: 'object',
    description,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((field) => [field.name, field.schema])),
  };
}

function exampleObject(fields: Field[]): JsonObject {
  return Object.fromEntries(fields.map((field) => [field.name, exampleOf(field.schema)]));
}

/** A synthetic VMS-style OpenAPI 3.1 document with `options.actions` operations, already bundled. */
export function synthesizeSpec(options: SynthOptions): JsonObject {
  if (!Number.isInteger(options.actions) || options.actions < 1)
    throw new Error(`actions must be a positive integer, got ${options.actions}`);
  const plans = plan(options);
  const current = options.version ?? '2022-01-01';
  const schemas: JsonObject = {};
  const examples: JsonObject = {};
  const used = new Set<string>();
  const useExample = (code: string) => {
    used.add(code);
    return ref('examples', code);
  };

  schemas.ResponseMetadata = {
    type: 'object',
    description: 'Metadata the gateway returns with every answer, echoing what was called.',
    required: ['RequestId', 'Action', 'Version'],
    properties: {
      RequestId: { type: 'string', description: 'Unique id of this request.' },
      Action: { type: 'string', description: 'The Action that was called.' },
      Version: { type: 'string', description: 'The Version that was called.' },
      Service: { type: 'string', description: 'The service that answered.' },
      Region: { type: 'string', description: 'The region that answered.' },
    },
  };
  schemas.ErrorDetail = {
    type: 'object',
    description: 'Why a call failed.',
    required: ['Code', 'Message'],
    properties: {
      Code: { type: 'string', description: 'Machine-readable error code.' },
      CodeN: { type: 'integer', description: 'Numeric form of the code.' },
      Message: { type: 'string', description: 'Human-readable explanation.' },
    },
  };
  schemas.ErrorEnvelope = {
    type: 'object',
    description: 'The body of a failed call.',
    required: ['ResponseMetadata'],
    properties: {
      ResponseMetadata: {
        type: 'object',
        required: ['Error'],
        properties: {
          RequestId: { type: 'string' },
          Action: { type: 'string' },
          Version: { type: 'string' },
          Service: { type: 'string' },
          Region: { type: 'string' },
          Error: ref('schemas', 'ErrorDetail'),
        },
      },
    },
  };
  for (const error of ERRORS) {
    examples[error.code] = {
      summary: error.summary,
      value: {
        ResponseMetadata: {
          RequestId: '20250528113938147077135030590001',
          Service: 'vms',
          Region: 'cn-beijing',
          Error: {
            Code: error.code,
            ...(error.codeN === undefined ? {} : { CodeN: error.codeN }),
            Message: error.summary,
          },
        },
      },
    };
  }
  const responses: JsonObject = {};
  for (const [status, name, description] of RESPONSES) {
    responses[name] = {
      description,
      content: {
        'application/json': {
          schema: ref('schemas', 'ErrorEnvelope'),
          examples: Object.fromEntries(
            ERRORS.filter((error) => error.status === status).map((error) => [
              error.code,
              useExample(error.code),
            ]),
          ),
        },
      },
    };
  }

  const paths: JsonObject = {};
  for (const [index, p] of plans.entries()) {
    const requestName = `${p.operationId}Request`;
    const resultName = `${p.operationId}Result`;
    const fields = p.fields;
    const result: JsonObject = p.paged
      ? {
          type: 'object',
          description: 'One page of records.',
          required: ['Records', 'Total'],
          properties: {
            Records: { type: 'array', items: ref('schemas', 'SynthRecord') },
            Total: { type: 'integer', format: 'int32', description: 'How many records match.' },
            Offset: { type: 'integer', format: 'int32' },
            Limit: { type: 'integer', format: 'int32' },
          },
        }
      : objectSchema('What the call returns.', [FIELDS[5] as Field, FIELDS[1] as Field], []);
    if (p.paged) {
      schemas.SynthRecord = objectSchema(
        'One record of a listing.',
        [FIELDS[5], FIELDS[1], FIELDS[3]] as Field[],
        ['ResourceKey'],
      );
    }
    schemas[resultName] = result;
    const resultExample = p.paged
      ? {
          Records: [{ ResourceKey: 'e6eaa926a2ed41df8f52d63c046b7d78', Name: 'spring-campaign', State: 1 }],
          Total: 1,
          Offset: 0,
          Limit: 10,
        }
      : { ResourceKey: 'e6eaa926a2ed41df8f52d63c046b7d78', Name: 'spring-campaign' };
    // With HTTP-200 errors, the success variant excludes `Error`, so the oneOf variants cannot overlap.
    const success = {
      type: 'object',
      required: ['ResponseMetadata', 'Result'],
      properties: {
        ResponseMetadata: p.okErrors
          ? {
              allOf: [
                ref('schemas', 'ResponseMetadata'),
                { not: { required: ['Error'], properties: { Error: {} } } },
              ],
            }
          : ref('schemas', 'ResponseMetadata'),
        Result: ref('schemas', resultName),
      },
    };
    const okExamples: JsonObject = {
      ok: {
        summary: 'A successful call',
        value: {
          ResponseMetadata: {
            RequestId: `2025052811393814707713503059${String(index).padStart(4, '0')}`,
            Action: p.action,
            Version: p.version,
            Service: 'vms',
            Region: 'cn-beijing',
          },
          Result: resultExample,
        },
      },
    };
    if (p.okErrors) {
      okExamples.SystemError = useExample('SystemError');
      okExamples.IllegalArgument = useExample('IllegalArgument');
    }
    const operation: JsonObject = {
      operationId: p.operationId,
      tags: [p.tag],
      summary: `${p.verb} ${words(p.action.slice(p.verb.length))}${p.version === current ? '' : ` (Version ${p.version})`}`,
      description: `Synthetic operation ${index + 1} of ${plans.length}. Its input travels ${
        p.encoding === 'query' ? 'in the query string' : `as a ${p.encoding} body`
      }.`,
      externalDocs: {
        description: `Vendor page ${p.titleZh}`,
        url: `https://example.com/vendor-docs/${p.action}`,
      },
      'x-volc-doc-title-zh': p.titleZh,
      'x-volc-idempotent': READ_VERBS.has(p.verb),
    };
    if (p.deprecatedBy) {
      operation.deprecated = true;
      operation['x-volc-replaced-by'] = p.deprecatedBy;
    }
    if (p.wireVariant) {
      operation['x-volc-wire-variants'] = [
        {
          source: '2023 docs',
          method: 'GET',
          encoding: 'query',
          note: 'Older pages send the input as query parameters.',
        },
      ];
      operation['x-volc-method-basis'] = '2025 docs';
    }
    if (p.paged) {
      operation['x-volc-pagination'] = {
        style: 'offset',
        offset: 'Offset',
        limit: 'Limit',
        items: 'Records',
        total: 'Total',
      };
    }
    if (p.encoding === 'query') {
      operation.parameters = fields.map((field) => ({
        name: field.name,
        in: 'query',
        required: p.required.includes(field.name),
        description: String(field.schema.description),
        schema: field.schema,
        example: exampleOf(field.schema),
      }));
    } else {
      schemas[requestName] = objectSchema('Input of the call.', fields, p.required);
      const media = {
        json: 'application/json',
        form: 'application/x-www-form-urlencoded',
        multipart: 'multipart/form-data',
      }[p.encoding];
      operation.requestBody = {
        required: true,
        content: {
          [media]: {
            schema: ref('schemas', requestName),
            examples: { request: { summary: 'A typical request', value: exampleObject(fields) } },
          },
        },
      };
    }
    operation.responses = {
      '200': {
        description: 'The call succeeded.',
        content: {
          'application/json': {
            schema: p.okErrors ? { oneOf: [success, ref('schemas', 'ErrorEnvelope')] } : success,
            examples: okExamples,
          },
        },
      },
      ...Object.fromEntries(RESPONSES.map(([status, name]) => [status, ref('responses', name)])),
    };
    paths[`/?Action=${p.action}&Version=${p.version}`] = { [p.method]: operation };
  }

  const tagNames = [...new Set(plans.map((p) => p.tag))];
  const tags = tagNames.map((name, index) => ({
    name,
    'x-displayName': `Area ${index + 1}`,
    description: `Synthetic group of up to ${OPERATIONS_PER_TAG} operations.`,
  }));
  const groups: JsonObject[] = [];
  for (let start = 0; start < tagNames.length; start += TAGS_PER_GROUP) {
    groups.push({
      name: `Group ${groups.length + 1}`,
      tags: tagNames.slice(start, start + TAGS_PER_GROUP),
    });
  }

  return {
    openapi: '3.1.0',
    info: {
      title: `Synthetic VMS-style API (${plans.length} actions)`,
      version: current,
      summary: 'A generated Action/Version RPC API for scale tests and benchmarks.',
      description:
        'Every operation is addressed by `Action` and `Version` on the root path, signed with HMAC-SHA256 and answers with the VMS envelope. Nothing here describes a real service.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    'x-volc-signing': { service: 'vms', region: 'cn-beijing' },
    servers: [{ url: 'https://cloud-vms.volcengineapi.com', description: 'Production endpoint.' }],
    security: [{ VolcHmacSha256: [] }],
    tags,
    'x-tagGroups': groups,
    paths,
    components: {
      securitySchemes: {
        VolcHmacSha256: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Volcengine HMAC-SHA256 request signing.',
        },
      },
      schemas,
      responses,
      examples: Object.fromEntries(Object.entries(examples).filter(([code]) => used.has(code))),
    },
  };
}
