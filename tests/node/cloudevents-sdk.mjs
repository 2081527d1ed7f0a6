// jae-ocr serve receiving Cloud Storage events sent by the official CloudEvents SDK
// (npm `cloudevents`), binary and structured mode, through the SDK's own emitter too
// (which sends Transfer-Encoding: chunked). Storage is the team's fake GCS, the model the
// fake Gemini. Covers: upload → result; the same event 3× → one result, one model call;
// new generation → replaced; unknown type / not an event; text file, truncated JPEG,
// 30 MB file, hostile names; Gemini 429 then 200; Gemini down → 503, nothing written;
// storage down → 503; /metrics.
import { CloudEvent, HTTP, emitterFor, httpTransport, Mode } from 'cloudevents';
import {
  check, startBackends, startServer, objectData, TINY_JPEG, testJpeg, sleep, waitFor,
} from './service-lib.mjs';

const JPEG = testJpeg();
const SRC = 'inbox-bucket';
const RES = 'results-bucket';
const backends = await startBackends({ geminiMaxAttempts: 2 });
const server = await startServer({ env: { ...backends.env, RESULTS_BUCKET: `gs://${RES}` } });

let eventIds = 1000;
function storageEvent(resource, id = String(eventIds++)) {
  return new CloudEvent({
    id,
    type: 'google.cloud.storage.object.v1.finalized',
    source: `//storage.googleapis.com/projects/_/buckets/${resource.bucket}`,
    subject: `objects/${resource.name}`,
    datacontenttype: 'application/json',
    data: objectData(resource),
  });
}

async function post(message) {
  const res = await fetch(server.url + '/', { method: 'POST', headers: message.headers, body: message.body });
  return { status: res.status, body: await res.text() };
}

// 1. Binary mode, three times: one result, one model call.
const a = await backends.upload(SRC, 'scans/card a.jpg', JPEG);
const eventA = storageEvent(a);
for (let i = 0; i < 3; i++) {
  const r = await post(HTTP.binary(eventA));
  check(r.status === 200, `binary event delivery ${i + 1} answered 200 (${r.status} ${r.body.trim()})`);
}
const resultA = await backends.read(RES, 'scans/card a.jpg.json');
check(resultA && resultA.status === 'ok', 'result written for the binary-mode event');
check(resultA.source.generation === String(a.generation), 'result records the source generation');
check(resultA.source.uri === `gs://${SRC}/scans/card a.jpg`, 'result names the source object');
check(backends.modelCalls() === 1, `one model call for three deliveries (got ${backends.modelCalls()})`);

// 2. Structured mode.
const b = await backends.upload(SRC, 'b.jpg', JPEG);
let r = await post(HTTP.structured(storageEvent(b)));
check(r.status === 200, 'structured event answered 200');
check((await backends.read(RES, 'b.jpg.json'))?.status === 'ok', 'result written for the structured event');

// 3. The SDK's emitter (chunked bodies), binary then structured.
const c = await backends.upload(SRC, 'c.jpg', JPEG);
const d = await backends.upload(SRC, 'd.jpg', JPEG);
await emitterFor(httpTransport(server.url + '/'))(storageEvent(c));
await emitterFor(httpTransport(server.url + '/'), { mode: Mode.STRUCTURED })(storageEvent(d));
check((await backends.read(RES, 'c.jpg.json'))?.status === 'ok', 'emitter (binary, chunked) → result');
check((await backends.read(RES, 'd.jpg.json'))?.status === 'ok', 'emitter (structured, chunked) → result');

// 4. A new generation replaces the result; the old generation's late event changes nothing.
const a2 = await backends.upload(SRC, 'scans/card a.jpg', Buffer.from(JPEG));
check(a2.generation !== a.generation, 'the upload made a new generation');
r = await post(HTTP.binary(storageEvent(a2)));
check(r.status === 200, 'new generation event answered 200');
check((await backends.read(RES, 'scans/card a.jpg.json')).source.generation === String(a2.generation),
  'the result was replaced by the new generation\'s');
const calls = backends.modelCalls();
r = await post(HTTP.binary(eventA));
check(r.status === 200 && backends.modelCalls() === calls, 'a late event for the old generation: 200, no model call');

// 5. Not for us / not an event / unusable.
r = await post(HTTP.binary(new CloudEvent({ id: 'x', type: 'google.cloud.storage.object.v1.deleted',
  source: `//storage.googleapis.com/projects/_/buckets/${SRC}`, data: objectData(b) })));
check(r.status === 200 && r.body.includes('ignored'), 'other event types are ignored with 200');
r = await post({ headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });
check(r.status === 400, 'a request that is not an event answers 400');
r = await post({ headers: { 'content-type': 'application/json', 'ce-id': '1', 'ce-specversion': '1.0',
  'ce-type': 'google.cloud.storage.object.v1.finalized', 'ce-source': 's' }, body: '{not json' });
check(r.status === 200 && r.body.includes('unusable'), 'an unusable CloudEvent answers 200 (no endless redelivery)');
r = await post(HTTP.binary(storageEvent({ ...b, name: 'results/x.jpg.json' })));
check(r.status === 200 && r.body.includes('ignored'), 'events for .json results are ignored');
r = await post(HTTP.structured(storageEvent({ bucket: SRC, name: 'evil\nname.jpg', generation: '5', size: 3 }, 'evil')));
check(r.status === 200 && r.body.includes('unusable'), 'a name with a newline is unusable (200)');

// 6. Hostile inputs get rejected results.
const txt = await backends.upload(SRC, 'notes.txt', Buffer.from('not a document\n'), 'text/plain');
r = await post(HTTP.binary(storageEvent(txt)));
check(r.status === 200, 'text file answered 200');
check((await backends.read(RES, 'notes.txt.json'))?.error?.code === 'unsupported_media_type',
  'text file → rejected unsupported_media_type');
const bigJpeg = Buffer.concat([JPEG.subarray(0, 4), Buffer.alloc(30 * 1024 * 1024, 0x41)]);
const big = await backends.upload(SRC, 'huge.jpg', bigJpeg);
const before = backends.modelCalls();
r = await post(HTTP.binary(storageEvent(big)));
check(r.status === 200, '30 MB file answered 200');
check((await backends.read(RES, 'huge.jpg.json'))?.error?.code === 'too_large', '30 MB file → rejected too_large');
check(backends.modelCalls() === before, 'no model call for the 30 MB file');
const cut = await backends.upload(SRC, 'cut.jpg', JPEG.subarray(0, Math.floor(JPEG.length / 3)));
r = await post(HTTP.binary(storageEvent(cut)));
const cutResult = await backends.read(RES, 'cut.jpg.json');
check(r.status === 200 && cutResult?.status === 'rejected', `truncated JPEG → rejected (${cutResult?.error?.code})`);

// 7. Gemini answering 429 then 200: retried inside one delivery.
const e = await backends.upload(SRC, 'e.jpg', JPEG);
backends.geminiScript([{ status: 429, retryAfter: '1' }]);
r = await post(HTTP.binary(storageEvent(e)));
check(r.status === 200 && (await backends.read(RES, 'e.jpg.json'))?.engine?.attempts === 2,
  'Gemini 429 then 200 → result after 2 attempts');

// 8. Gemini down → 503, nothing written; back up → the redelivery succeeds.
const f = await backends.upload(SRC, 'f.jpg', JPEG);
backends.geminiDown(503);
r = await post(HTTP.binary(storageEvent(f)));
check(r.status === 503, `Gemini down → 503 (${r.status})`);
check((await backends.read(RES, 'f.jpg.json')) === null, 'nothing written while Gemini is down');
backends.geminiDown(429);
r = await post(HTTP.binary(storageEvent(f)));
check(r.status === 429, `Gemini quota exhausted → 429 (${r.status})`);
backends.geminiUp();
r = await post(HTTP.binary(storageEvent(f)));
check(r.status === 200 && (await backends.read(RES, 'f.jpg.json'))?.status === 'ok', 'redelivery after recovery → result');

// 9. Storage down → 503; nothing written.
const g = await backends.upload(SRC, 'g.jpg', JPEG);
await backends.gcsControl('down?status=503');
const callsBefore = backends.modelCalls();
r = await post(HTTP.binary(storageEvent(g)));
await backends.gcsControl('up');
check(r.status === 503, `storage down → 503 (${r.status})`);
check(backends.modelCalls() === callsBefore && (await backends.read(RES, 'g.jpg.json')) === null,
  'storage down: no model call, nothing written');

// 10. Metrics and logs.
const metrics = await (await fetch(server.url + '/metrics')).text();
check(/jae_events_total\{outcome="duplicate"\} [1-9]/.test(metrics), 'metrics count duplicates');
check(/jae_results_total\{status="rejected",error="too_large"\} 1/.test(metrics), 'metrics count results by status');
check(/jae_engine_latency_seconds_count [1-9]/.test(metrics), 'metrics have the engine latency histogram');
check(/jae_events_total\{outcome="unusable"\} [1-9]/.test(metrics), 'metrics count unusable events');
const logs = server.logs();
check(logs.length > 0 && logs.every((l) => l.severity && l.message && l.time), 'every log line has severity, message, time');
const leaks = server.output.split('\n').filter((l) => l.includes('card a.jpg') || l.includes('MARTIN'));
check(leaks.length === 0, `logs contain neither object names nor extracted data ${leaks.join('\n')}`);
await sleep(10);
process.exit(0);
