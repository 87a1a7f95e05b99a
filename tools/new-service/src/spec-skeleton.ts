// The spec folder of a new service: a root document that `$ref`s the platform parts, one example
// Action that passes every lint rule, and the spec package that lints and bundles it.
import type { ServiceEntry } from '@volc-openapi/spec-model';
import { json, publishedFields } from './templates.ts';

export interface ServiceFacts {
  endpoint: string;
  signingService: string;
  region: string;
  version: string;
}

const requestId = '20260101000000000000000000000001';

/** The files the spec's bundle reads (its own and the platform parts). */
const BUNDLE_INPUTS = [
  'openapi.yaml',
  'paths/**',
  'components/**',
  'package.json',
  '$TURBO_ROOT$/spec/platform/**',
];

function rootDocument(service: ServiceEntry, facts: ServiceFacts): string {
  return `openapi: 3.1.0
info:
  title: ${service.title} API
  version: ${facts.version}
  summary: ${service.title} (${service.titleZh}), described from its first Action.
  description: |
    Every operation is a remote procedure call addressed by \`Action\` and \`Version\` query parameters
    on the root path, answered by the Volcengine envelope (\`ResponseMetadata\` and \`Result\`).
  license:
    name: MIT
    identifier: MIT
x-volc-signing:
  service: ${facts.signingService}
  region: ${facts.region}
servers:
  - url: ${facts.endpoint}
    description: ${service.title} endpoint; requests are signed for service \`${facts.signingService}\` in region ${facts.region}.
security:
  - VolcHmacSha256: []
tags:
  - name: status
    x-displayName: Status
    description: The example Action of a new service; replace it with the service's real Actions.
x-tagGroups:
  - name: ${service.title}
    tags: [status]
paths:
  /?Action=DescribeStatus&Version=${facts.version}:
    $ref: paths/DescribeStatus.yaml
components:
  securitySchemes:
    VolcHmacSha256:
      $ref: ../platform/components/securitySchemes/VolcHmacSha256.yaml
`;
}

function examplePath(facts: ServiceFacts): string {
  const common = [
    '400 BadRequest',
    '401 Unauthorized',
    '403 Forbidden',
    '404 NotFound',
    '500 InternalServerError',
    '503 ServiceUnavailable',
  ]
    .map((pair) => pair.split(' '))
    .map(([status, file]) => `    '${status}':\n      $ref: ../../platform/components/responses/${file}.yaml`)
    .join('\n');
  return `post:
  operationId: DescribeStatus
  tags: [status]
  summary: Describe the status of a resource
  description: |
    The example Action that \`pnpm new-service\` writes: a JSON POST that reads one resource's status.
    Replace it with the service's real Actions (see spec/README.md for the conventions).
  x-volc-doc-title-zh: 查询状态
  x-volc-idempotent: true
  requestBody:
    required: true
    content:
      application/json:
        schema:
          $ref: ../components/schemas/DescribeStatusRequest.yaml
        examples:
          one:
            summary: The status of one resource
            value:
              ResourceId: res-0001
  responses:
    '200':
      description: The resource's status.
      content:
        application/json:
          schema:
            type: object
            required: [ResponseMetadata, Result]
            properties:
              ResponseMetadata:
                $ref: ../../platform/components/schemas/ResponseMetadata.yaml
              Result:
                $ref: ../components/schemas/DescribeStatusResult.yaml
          examples:
            running:
              summary: A running resource
              value:
                ResponseMetadata:
                  RequestId: '${requestId}'
                  Action: DescribeStatus
                  Version: '${facts.version}'
                Result:
                  ResourceId: res-0001
                  Status: running
${common}
`;
}

const requestSchema = `type: object
description: Which resource to describe.
required: [ResourceId]
additionalProperties: false
properties:
  ResourceId:
    type: string
    description: The resource's id.
    minLength: 1
`;

const resultSchema = `type: object
description: The resource and its status.
required: [ResourceId, Status]
properties:
  ResourceId:
    type: string
    description: The resource's id.
  Status:
    type: string
    description: Its status.
    enum: [running, stopped]
`;

/** spec/<name>/... files by path relative to the spec folder. */
export function specFiles(service: ServiceEntry, facts: ServiceFacts): Record<string, string> {
  const redocly = (verb: string) =>
    `REDOCLY_TELEMETRY=off redocly ${verb} ${service.name} --config ../../redocly.yaml`;
  return {
    'package.json': json({
      name: service.specPackage,
      version: '0.0.0',
      description: `OpenAPI 3.1 description of the ${service.title} API`,
      type: 'module',
      ...publishedFields(`spec/${service.name}`),
      files: ['dist'],
      exports: { './openapi.json': './dist/openapi.json', './package.json': './package.json' },
      scripts: {
        lint: `${redocly('lint')} --format=stylish`,
        // Lint is its own task, run beside the bundle rather than before it on every client's path.
        build: `${redocly('bundle')} --ext json -o dist/openapi.json`,
      },
      devDependencies: { '@volc-openapi/redocly-rules': 'workspace:*' },
    }),
    'turbo.json': json({
      $schema: 'https://turbo.build/schema.json',
      extends: ['//'],
      tasks: {
        // What the bundle reads: the inventory, baseline and notes beside it change no client.
        build: { inputs: BUNDLE_INPUTS },
        lint: { inputs: ['$TURBO_DEFAULT$', '$TURBO_ROOT$/spec/platform/**'] },
      },
    }),
    'openapi.yaml': rootDocument(service, facts),
    'paths/DescribeStatus.yaml': examplePath(facts),
    'components/schemas/DescribeStatusRequest.yaml': requestSchema,
    'components/schemas/DescribeStatusResult.yaml': resultSchema,
    'exclusions.yaml':
      '# Reference-inventory entries this spec deliberately does not describe, each with its reason.\n[]\n',
    'README.md': `# ${service.specPackage}\n\nThe OpenAPI 3.1 description of ${service.title} (${service.titleZh}), written by hand; conventions\nand extensions in [../README.md](../README.md). Scaffolded by \`pnpm new-service\` with one example Action.\n`,
  };
}
