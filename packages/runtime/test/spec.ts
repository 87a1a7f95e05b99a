// A small Action/Version spec that exercises every wire form the runtime supports — JSON, form,
// multipart, GET query, body-less POST query — with the failure codes retries care about. The mock
// server serves it, so every request the runtime sends has its signature verified.
import { defineOperations } from '../src/index.ts';

const VERSION = '2022-01-01';

const example = (action: string, result: unknown) => ({
  ResponseMetadata: {
    RequestId: `rid-${action}`,
    Action: action,
    Version: VERSION,
    Service: 'vms',
    Region: 'cn-beijing',
  },
  Result: result,
});

const errorExamples = (codes: Record<string, number | undefined>) => ({
  content: {
    'application/json': {
      examples: Object.fromEntries(
        Object.entries(codes).map(([Code, CodeN]) => [
          Code,
          {
            value: {
              ResponseMetadata: {
                Error: { Code, ...(CodeN ? { CodeN } : {}), Message: `${Code} happened.` },
              },
            },
          },
        ]),
      ),
    },
  },
});

const responses = (action: string, result: unknown) => ({
  '200': {
    description: 'OK, or a business error delivered with HTTP 200.',
    content: {
      'application/json': {
        examples: {
          ok: { value: example(action, result) },
          SystemError: {
            value: { ResponseMetadata: { Error: { Code: 'SystemError', Message: 'System error.' } } },
          },
        },
      },
    },
  },
  '400': {
    description: 'Refused.',
    ...errorExamples({ MissingParameter: 100002, InvalidParameter: undefined, InvalidTimestamp: 100006 }),
  },
  '401': { description: 'Not signed.', ...errorExamples({ SignatureDoesNotMatch: 100010 }) },
  '429': { description: 'Throttled.', ...errorExamples({ Throttling: undefined }) },
  '500': { description: 'Failed.', ...errorExamples({ InternalError: 100014 }) },
  '503': { description: 'Unavailable.', ...errorExamples({ ServiceUnavailable: undefined }) },
});

const body = (media: string, schema: object, encoding?: object) => ({
  required: true,
  content: { [media]: { schema, ...(encoding ? { encoding } : {}) } },
});
const query = (name: string, schema: object, required = false) => ({ name, in: 'query', required, schema });
/** A query list sent comma-joined, as VMS sends its lists (`Ids=1,2`). */
const commaList = (name: string, items: object) => ({
  ...query(name, { type: 'array', items }),
  style: 'form',
  explode: false,
});

export const spec = {
  openapi: '3.1.0',
  info: { title: 'runtime test API', version: VERSION },
  servers: [{ url: 'https://rpc.example.test' }],
  'x-volc-signing': { service: 'vms', region: 'cn-beijing' },
  security: [{ Signed: [] }],
  paths: {
    [`/?Action=GetThing&Version=${VERSION}`]: {
      get: {
        operationId: 'GetThing',
        parameters: [
          query('Type', { type: 'integer' }, true),
          commaList('Ids', { type: 'integer' }),
          query('Name', { type: 'string' }),
          query('Offset', { type: 'integer' }),
          query('Limit', { type: 'integer' }),
        ],
        responses: responses('GetThing', { Records: [{ Id: 1 }], Total: 1, Offset: 0, Limit: 10 }),
      },
    },
    [`/?Action=CreateThing&Version=${VERSION}`]: {
      post: {
        operationId: 'CreateThing',
        requestBody: body('application/json', {
          type: 'object',
          required: ['Name'],
          properties: { Name: { type: 'string' }, Size: { type: 'integer' } },
        }),
        responses: responses('CreateThing', { Id: 7 }),
      },
    },
    [`/?Action=FormThing&Version=${VERSION}`]: {
      post: {
        operationId: 'FormThing',
        requestBody: body(
          'application/x-www-form-urlencoded',
          {
            type: 'object',
            required: ['Name'],
            properties: {
              Name: { type: 'string' },
              Tags: { type: 'array', items: { type: 'string' } },
              Phones: { type: 'array', items: { type: 'object', properties: { Phone: { type: 'string' } } } },
              Flag: { type: 'boolean' },
            },
          },
          { Tags: { style: 'form', explode: false }, Phones: { contentType: 'application/json' } },
        ),
        responses: responses('FormThing', { Ok: true }),
      },
    },
    [`/?Action=UploadThing&Version=${VERSION}`]: {
      post: {
        operationId: 'UploadThing',
        requestBody: body('multipart/form-data', {
          type: 'object',
          required: ['Name', 'File'],
          properties: {
            Name: { type: 'string' },
            Size: { type: 'integer' },
            File: { type: 'string', format: 'binary' },
          },
        }),
        responses: responses('UploadThing', { Uploaded: true }),
      },
    },
    [`/?Action=OpenThing&Version=${VERSION}`]: {
      post: {
        operationId: 'OpenThing',
        security: [],
        requestBody: body('application/x-www-form-urlencoded', {
          type: 'object',
          required: ['Token'],
          properties: { Token: { type: 'string' } },
        }),
        responses: responses('OpenThing', { Opened: true }),
      },
    },
    [`/?Action=PingThing&Version=${VERSION}`]: {
      post: {
        operationId: 'PingThing',
        parameters: [query('Key', { type: 'string' }, true), commaList('Keys', { type: 'string' })],
        responses: responses('PingThing', { Pong: true }),
      },
    },
  },
  components: {
    securitySchemes: {
      Signed: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
      },
    },
  },
};

/** The operation table a generator would write for this spec. */
export const operations = defineOperations(VERSION, {
  GetThing: [
    'GET',
    'query',
    true,
    { style: 'offset', offset: 'Offset', limit: 'Limit', items: 'Records', total: 'Total' },
  ],
  CreateThing: ['POST', 'json', false],
  FormThing: ['POST', 'form', false],
  UploadThing: ['POST', 'multipart', false],
  PingThing: ['POST', 'query', true],
  OpenThing: ['POST', 'form', false, 0, 0, 0, 1],
});
