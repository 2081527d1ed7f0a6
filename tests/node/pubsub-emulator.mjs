// jae-ocr serve behind the real Pub/Sub emulator of the Google Cloud CLI: a topic, a push
// subscription to the server, Cloud Storage OBJECT_FINALIZE notifications published to
// it. Delivery, the push envelope and redelivery after a non-2xx answer are Google's own.
// Skipped (exit 77) when gcloud, Java or the emulator component is missing.
import {
  check, startBackends, startServer, startPubSubEmulator, gcsNotification, TINY_JPEG, testJpeg, waitFor, sleep,
} from './service-lib.mjs';
import { createHash } from 'node:crypto';

const JPEG = testJpeg();
const SRC = 'inbox-bucket';
const RES = 'results-bucket';
const emulator = await startPubSubEmulator('demo-x');
const backends = await startBackends();
const server = await startServer({ env: { ...backends.env, RESULTS_BUCKET: `gs://${RES}` } });
const tag = (name) => createHash('sha256').update(name).digest('hex').slice(0, 16);
const deliveries = (name) => server.logs().filter((l) => l.object_tag === tag(name) && l.outcome).length;

await emulator.api('PUT', '/topics/jae-inbox');
await emulator.api('PUT', '/subscriptions/jae-push', {
  topic: `projects/${emulator.project}/topics/jae-inbox`,
  pushConfig: { pushEndpoint: `${server.url}/` },
  ackDeadlineSeconds: 10,
});
const publish = (resource) => emulator.api('POST', '/topics/jae-inbox:publish', {
  messages: [gcsNotification(resource.bucket, resource.name, resource.generation, resource.size)],
});

// 1. Delivery: upload → notification → result.
const a = await backends.upload(SRC, 'scans/a.jpg', JPEG);
await publish(a);
const resultA = await waitFor(() => backends.read(RES, 'scans/a.jpg.json'), { timeoutMs: 20000, what: 'result a' });
check(resultA.status === 'ok' && resultA.source.generation === String(a.generation),
  'push delivery → result with the notification\'s generation');
check(backends.modelCalls() === 1, 'one model call');

// 2. The same notification published again (a duplicate): acked, no model call.
await publish(a);
await waitFor(() => server.logs().some((l) => l.object_tag === tag('scans/a.jpg') && l.outcome === 'duplicate'),
  { what: 'duplicate delivery' });
check(backends.modelCalls() === 1, 'a duplicate notification makes no model call');

// 3. Gemini down: the server answers 503, Pub/Sub redelivers, and once Gemini is back the
//    redelivery writes the result (exactly once).
backends.geminiDown(503);
const b = await backends.upload(SRC, 'b.jpg', JPEG);
await publish(b);
await waitFor(() => server.logs().filter((l) => l.object_tag === tag('b.jpg') && l.outcome === 'transient').length >= 2,
  { timeoutMs: 30000, what: 'two failed deliveries while Gemini is down' });
check((await backends.read(RES, 'b.jpg.json')) === null, 'nothing written while Gemini is down');
backends.geminiUp();
const resultB = await waitFor(() => backends.read(RES, 'b.jpg.json'), { timeoutMs: 30000, what: 'result b after recovery' });
check(resultB.status === 'ok', `redelivered after the 503s and succeeded (${deliveries('b.jpg')} deliveries)`);
await sleep(1500);  // a spurious redelivery would show up here
check(server.logs().filter((l) => l.object_tag === tag('b.jpg') && l.outcome === 'written').length === 1,
  'the result was written once');

// 4. A notification type that is not ours is acked (no redelivery storm).
await emulator.api('POST', '/topics/jae-inbox:publish', { messages: [{ attributes: {
  eventType: 'OBJECT_DELETE', bucketId: SRC, objectId: 'b.jpg', objectGeneration: String(b.generation) } }] });
await waitFor(() => server.logs().some((l) => l.message === 'event ignored'), { what: 'ignored delete' });
await sleep(1500);
check(server.logs().filter((l) => l.message === 'event ignored').length === 1, 'OBJECT_DELETE acked once, not redelivered');
process.exit(0);
