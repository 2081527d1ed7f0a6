// Every player check the C++ module emits validates against schema/check.schema.json
// (Ajv, draft 2020-12), and the schema rejects what it must.
// usage: node check-schema.mjs path/to/check_emit
import { execFileSync } from 'node:child_process';
import { checkErrors } from '../node/lib/check-schema.mjs';

const emitted = execFileSync(process.argv[2]).toString().trim().split('\n').map((l) => JSON.parse(l));
let failures = 0;
for (const c of emitted) {
  const errors = checkErrors(c);
  if (errors) {
    failures++;
    console.log(`INVALID ${c.verdict}:\n  ${errors}`);
  }
}
const verdicts = new Set(emitted.map((c) => c.verdict));
for (const v of ['ok', 'review', 'refuse']) {
  if (!verdicts.has(v)) { console.log(`FAIL: no ${v} verdict emitted`); failures++; }
}
const broken = structuredClone(emitted.find((c) => c.verdict === 'ok'));
broken.checks.age.status = 'maybe';
if (!checkErrors(broken)) { console.log('FAIL: schema accepted a bad status'); failures++; }
delete broken.checks.age;
if (!checkErrors(broken)) { console.log('FAIL: schema accepted a missing check'); failures++; }
console.log(`${emitted.length} player checks checked, ${failures} problems`);
process.exit(failures ? 1 : 0);
