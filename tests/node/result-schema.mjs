// Everything the C++ result model emits validates against schema/result.schema.json,
// and the schema rejects what it must (so the check is not vacuous).
// usage: node result-schema.mjs path/to/result_emit
import { execFileSync } from 'node:child_process';
import { resultErrors } from './lib/schema.mjs';

const emitted = execFileSync(process.argv[2]).toString().trim().split('\n').map((l) => JSON.parse(l));
let failures = 0;
for (const r of emitted) {
  const errors = resultErrors(r);
  if (errors) {
    failures++;
    console.log(`INVALID ${r.status}/${r.error?.code ?? r.document?.type}:\n  ${errors}`);
  }
}
const statuses = new Set(emitted.map((r) => r.status));
if (!statuses.has('ok') || !statuses.has('rejected')) {
  console.log('FAIL: both ok and rejected forms must be emitted');
  process.exit(1);
}
// Sanity: the validator does reject broken results.
const broken = structuredClone(emitted.find((r) => r.status === 'ok'));
broken.document.fields.birth_date.value = '13/07/1990';
if (!resultErrors(broken)) { console.log('FAIL: schema accepted a non-ISO date'); process.exit(1); }
if (!resultErrors({ ...emitted[0], error: undefined })) { console.log('FAIL: rejected without error accepted'); process.exit(1); }
console.log(`${emitted.length} results checked, ${failures} invalid`);
process.exit(failures ? 1 : 0);
