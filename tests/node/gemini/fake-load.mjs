// How much load fake-gemini.mjs carries (so load tests measure jae-ocr, not the fake):
//   node tests/node/gemini/fake-load.mjs [CONCURRENCY=200] [LATENCY_MS=1500] [ROUNDS=3]
// Sends CONCURRENCY valid generateContent requests at once, ROUNDS times, and prints the
// wall time per round against the scripted latency (ideal ratio 1.0).
import http from 'node:http';
import { startFake, TINY_JPEG } from './harness.mjs';

const [concurrency = 200, latency = 1500, rounds = 3] = process.argv.slice(2).map(Number);
const fake = await startFake(['--api-key', 'k', '--latency-ms', String(latency)]);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const body = JSON.stringify({
  contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/jpeg', data: TINY_JPEG.toString('base64') } }, { text: 'x' }] }],
  generationConfig: { responseMimeType: 'application/json', responseSchema: { type: 'OBJECT', properties: { a: { type: 'STRING' } } } },
});
const one = () => new Promise((resolve, reject) => {
  const req = http.request(`${fake.url}/v1beta/models/m:generateContent`, { method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'x-goog-api-key': 'k' } }, (res) => {
    res.resume();
    res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))));
  });
  req.on('error', reject);
  req.end(body);
});
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, one));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`round ${r + 1}: ${concurrency} requests in ${ms.toFixed(0)} ms (latency ${latency} ms, ratio ${(ms / latency).toFixed(3)}, ${(concurrency / (ms / 1000)).toFixed(0)} req/s)`);
}
console.log(JSON.stringify(await fake.stats()));
agent.destroy();
await fake.stop();
