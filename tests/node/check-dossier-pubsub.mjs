// Event mode's player check behind the real Pub/Sub emulator and the fake GCS: two
// documents of one dossier (`club/p<N>/a.jpg`, `club/p<N>/b.jpg`) uploaded and notified at
// once, ROUNDS times (default 50). Every time: both results, and one
// `club/p<N>/check.json` that holds both documents and validates against the schema; a
// redelivered notification changes nothing. Then POST /v1/check on the same server.
// usage: node check-dossier-pubsub.mjs path/to/make_test_jpeg   (ROUNDS=N to change)
import {
  check, startBackends, startServer, startPubSubEmulator, gcsNotification, testJpeg, waitFor, sleep,
} from './service-lib.mjs';
import { checkErrors } from './lib/check-schema.mjs';

const ROUNDS = Number(process.env.ROUNDS || 50);
const JPEG = testJpeg();
const SRC = 'inbox-bucket';
const RES = 'results-bucket';
const emulator = await startPubSubEmulator('demo-x');
const backends = await startBackends();
const server = await startServer({ env: { ...backends.env, RESULTS_BUCKET: `gs://${RES}` } });

await emulator.api('PUT', '/topics/jae-inbox');
await emulator.api('PUT', '/subscriptions/jae-push', {
  topic: `projects/${emulator.project}/topics/jae-inbox`,
  pushConfig: { pushEndpoint: `${server.url}/` },
  ackDeadlineSeconds: 10,
});
const publish = (resources) => emulator.api('POST', '/topics/jae-inbox:publish', {
  messages: resources.map((r) => gcsNotification(r.bucket, r.name, r.generation, r.size)),
});

const t0 = Date.now();
let complete = 0;
for (let round = 0; round < ROUNDS; ++round) {
  const dossier = `club/p${round}`;
  const [a, b] = await Promise.all([
    backends.upload(SRC, `${dossier}/a.jpg`, JPEG),
    backends.upload(SRC, `${dossier}/b.jpg`, JPEG),
  ]);
  await publish([a, b]);  // one publish call: the two deliveries race
  const both = await waitFor(async () => {
    const [ra, rb, c] = await Promise.all([
      backends.read(RES, `${dossier}/a.jpg.json`),
      backends.read(RES, `${dossier}/b.jpg.json`),
      backends.read(RES, `${dossier}/check.json`),
    ]);
    return ra && rb && c && c.documents.length === 2 ? c : null;
  }, { timeoutMs: 30000, what: `round ${round}: both results and a check holding both` });
  const errors = checkErrors(both);
  check(!errors, `round ${round}: check.json validates (${errors})`);
  const names = both.documents.map((d) => d.name).sort().join(',');
  check(names === 'a.jpg,b.jpg', `round ${round}: check.json names a.jpg and b.jpg (${names})`);
  complete++;
}
const seconds = (Date.now() - t0) / 1000;
console.log(`${complete}/${ROUNDS} rounds: both results and one check.json holding both (${seconds.toFixed(1)} s)`);

// A redelivered notification: nothing is rewritten (same generation of check.json).
const last = `club/p${ROUNDS - 1}`;
const before = await backends.stat(RES, `${last}/check.json`);
const a = await backends.stat(SRC, `${last}/a.jpg`);
await publish([{ bucket: SRC, name: a.name, generation: a.generation, size: a.size }]);
await sleep(1500);
const after = await backends.stat(RES, `${last}/check.json`);
check(after.generation === before.generation, 'a redelivered event changes nothing (check.json generation kept)');

// POST /v1/check on the same server: two documents and a result JSON, stores nothing.
const result = await backends.read(RES, `${last}/a.jpg.json`);
const form = new FormData();
form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'cni.jpg');
form.append('file', new Blob([JSON.stringify(result)], { type: 'application/json' }), 'licence.json');
form.append('date', '2026-12-05');
form.append('min_age', '18');
const res = await fetch(`${server.url}/v1/check`, { method: 'POST', body: form });
const body = await res.json();
check(res.status === 200, `POST /v1/check answers 200 (${res.status})`);
check(!checkErrors(body), `POST /v1/check answers a valid player check (${checkErrors(body)})`);
check(body.documents.length === 2 && body.match_date === '2026-12-05' && body.min_age === 18,
  'POST /v1/check: both parts, the date and min_age taken');
const bad = new FormData();
bad.append('date', '05/12/2026');
const badRes = await fetch(`${server.url}/v1/check`, { method: 'POST', body: bad });
check(badRes.status === 400, `POST /v1/check: a malformed date is a 400 (${badRes.status})`);
const empty = new FormData();
empty.append('date', '2026-12-05');
const emptyBody = await (await fetch(`${server.url}/v1/check`, { method: 'POST', body: empty })).json();
check(emptyBody.verdict === 'review', 'POST /v1/check with no file: verdict review');
const notMultipart = await fetch(`${server.url}/v1/check`, { method: 'POST', body: 'x' });
check(notMultipart.status === 400, 'POST /v1/check: a body that is not multipart is a 400');
console.log('check-dossier-pubsub: all checks passed');
process.exit(0);
