// SIGTERM with work in flight: the server stops taking work (/readyz 503, new events 503),
// finishes the in-flight document (its result is written, its sender gets 200) and exits 0.
import { check, startBackends, startServer, objectData, TINY_JPEG, testJpeg, waitFor } from './service-lib.mjs';

const JPEG = testJpeg();
const SRC = 'inbox-bucket';
const RES = 'results-bucket';
const backends = await startBackends({ geminiLatencyMs: 2000 });
const server = await startServer({ env: { ...backends.env, RESULTS_BUCKET: `gs://${RES}` } });

const headers = (id) => ({ 'content-type': 'application/json', 'ce-id': id, 'ce-specversion': '1.0',
  'ce-type': 'google.cloud.storage.object.v1.finalized',
  'ce-source': `//storage.googleapis.com/projects/_/buckets/${SRC}` });
const a = await backends.upload(SRC, 'slow.jpg', JPEG);
const inFlight = fetch(server.url + '/', { method: 'POST', headers: headers('1'), body: JSON.stringify(objectData(a)) });
await waitFor(() => backends.gemini.state.stats.inflight >= 1, { what: 'the model call in flight' });

const t0 = Date.now();
process.kill(server.pid, 'SIGTERM');
await waitFor(async () => (await fetch(server.url + '/readyz')).status === 503, { what: '/readyz 503' });
check(true, '/readyz answers 503 while draining');
const b = await backends.upload(SRC, 'late.jpg', JPEG);
const late = await fetch(server.url + '/', { method: 'POST', headers: headers('2'), body: JSON.stringify(objectData(b)) });
check(late.status === 503, `a new event while draining answers 503 (${late.status})`);

const answer = await inFlight;
check(answer.status === 200, `the in-flight event finished with 200 (${answer.status})`);
const { code, signal } = await server.exited;
const elapsed = Date.now() - t0;
check(code === 0 && signal === null, `exit status 0 after SIGTERM (code ${code}, signal ${signal})`);
check(elapsed < 8000, `drained and exited within 8 s (${elapsed} ms)`);
check((await backends.read(RES, 'slow.jpg.json'))?.status === 'ok', 'the in-flight document\'s result was written');
check((await backends.read(RES, 'late.jpg.json')) === null, 'nothing written for the refused event');
process.exit(0);
