// `pnpm example`: one signed call with the generated client, against the mock (or VMS_ENDPOINT).
import { MOCK_CREDENTIALS } from '@volc-openapi/mock-server';
import { createVmsClient } from '@volc-openapi/vms';

const endpoint = process.env.VMS_ENDPOINT ?? 'http://127.0.0.1:4010';
const vms = createVmsClient({ credentials: MOCK_CREDENTIALS, endpoint });

const { data, error } = await vms.QueryUsableResourceV2({ Type: 1 });
if (error) {
  const { Code, Message } = error.ResponseMetadata.Error;
  console.error(`QueryUsableResourceV2 failed: ${Code}: ${Message}`);
  process.exit(1);
}
console.log(`QueryUsableResourceV2 → RequestId ${data.ResponseMetadata.RequestId}`);
console.log(JSON.stringify(data.Result, null, 2));
