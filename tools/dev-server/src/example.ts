// `pnpm example`: one signed call with the generated client, against the mock (or VMS_ENDPOINT).
// The signing region comes from the spec model of the VMS bundle, not from this file.
import { createRequire } from 'node:module';
import { loadSpecFile, MOCK_CREDENTIALS } from '@volc-openapi/mock-server';
import { createVmsClient } from '@volc-openapi/vms';

const require = createRequire(import.meta.url);
const { spec } = await loadSpecFile(require.resolve('@volc-openapi/vms-spec/openapi.json'));

const endpoint = process.env.VMS_ENDPOINT ?? 'http://127.0.0.1:4010';
const vms = createVmsClient({ credentials: MOCK_CREDENTIALS, endpoint, region: spec.signing.region });

const { data, error } = await vms.QueryUsableResourceV2({ Type: 1 });
if (error) {
  const { Code, Message } = error.ResponseMetadata.Error;
  console.error(`QueryUsableResourceV2 failed: ${Code}: ${Message}`);
  process.exit(1);
}
console.log(
  `QueryUsableResourceV2 → RequestId ${data.ResponseMetadata.RequestId} (signed for ${spec.signing.service} in ${spec.signing.region})`,
);
console.log(JSON.stringify(data.Result, null, 2));
