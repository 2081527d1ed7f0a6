// fake-gemini.mjs validates requests like the real API and plays its script.
import assert from 'node:assert/strict';
import { startFake, runCases, TINY_JPEG } from './harness.mjs';

const fake = await startFake(['--api-key', 'k1', '--token', 't1']);
const DEV = '/v1beta/models/gemini-3.8-flash:generateContent';
const VERTEX = '/v1/projects/p/locations/europe-west1/publishers/google/models/gemini-3.8-flash:generateContent';

function goodBody() {
  return {
    systemInstruction: { parts: [{ text: 'sys' }] },
    contents: [{ role: 'user', parts: [
      { inlineData: { mimeType: 'image/jpeg', data: TINY_JPEG.toString('base64') } },
      { text: 'read it' }] }],
    generationConfig: {
      temperature: 0, responseMimeType: 'application/json',
      responseSchema: { type: 'OBJECT', properties: { a: { type: 'STRING', nullable: true },
        l: { type: 'ARRAY', items: { type: 'STRING' } } }, required: ['a'] },
      thinkingConfig: { thinkingLevel: 'MINIMAL' }, mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
    },
  };
}

async function post(path, body, headers = { 'x-goog-api-key': 'k1' }) {
  const r = await fetch(fake.url + path, { method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, json, text };
}

async function expect400(mutate, pattern) {
  const body = goodBody();
  mutate(body);
  const r = await post(DEV, body);
  assert.equal(r.status, 400, JSON.stringify(r.json));
  assert.equal(r.json.error.status, 'INVALID_ARGUMENT');
  assert.equal(r.json.error.code, 400);
  if (pattern) assert.match(r.json.error.message, pattern);
}

await runCases([
  ['valid developer request answers the default extraction', async () => {
    const r = await post(DEV, goodBody());
    assert.equal(r.status, 200);
    const c = r.json.candidates[0];
    assert.equal(c.finishReason, 'STOP');
    assert.equal(JSON.parse(c.content.parts[0].text).document_type, 'id_card');
    assert.equal(r.json.modelVersion, 'gemini-3.8-flash');
    assert.equal(r.json.usageMetadata.promptTokensDetails.find((d) => d.modality === 'IMAGE').tokenCount, 560);
  }],
  ['valid vertex request with bearer token', async () => {
    const r = await post(VERTEX, goodBody(), { authorization: 'Bearer t1' });
    assert.equal(r.status, 200);
    assert.ok(r.json.createTime);
  }],
  ['auth failures', async () => {
    let r = await post(DEV, goodBody(), {});
    assert.equal(r.status, 403);
    assert.equal(r.json.error.status, 'PERMISSION_DENIED');
    r = await post(DEV, goodBody(), { 'x-goog-api-key': 'wrong' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.details[0].reason, 'API_KEY_INVALID');
    r = await post(VERTEX, goodBody(), {});
    assert.equal(r.status, 401);
    r = await post(VERTEX, goodBody(), { authorization: 'Bearer nope' });
    assert.equal(r.status, 401);
  }],
  ['unknown paths, methods and retired models', async () => {
    let r = await post('/v1beta/models/gemini-3.8-flash:predict', goodBody());
    assert.equal(r.status, 404);
    r = await post('/v1beta/models/gemini-2.5-flash:generateContent', goodBody());
    assert.equal(r.status, 404);
    assert.match(r.json.error.message, /gemini-2\.5-flash is not found/);
    const g = await fetch(fake.url + DEV, { headers: { 'x-goog-api-key': 'k1' } });
    assert.equal(g.status, 404);
  }],
  ['body validation', async () => {
    assert.equal((await post(DEV, '{not json')).status, 400);
    await expect400((b) => { b.extra = 1; }, /Unknown name "extra"/);
    await expect400((b) => { b.contents = []; }, /contents is not specified/);
    await expect400((b) => { b.contents[0].parts = []; }, /must not be empty/);
    await expect400((b) => { b.contents[0].role = 'robot'; }, /valid role/);
    await expect400((b) => { b.contents[0].parts[1] = { text: 'a', inlineData: { mimeType: 'image/png', data: 'AAAA' } }; }, /oneof/);
    await expect400((b) => { b.contents[0].parts[0].inlineData.data = 'not base64!'; }, /Base64 decoding failed/);
    await expect400((b) => { b.contents[0].parts[0].inlineData.mimeType = 'image/gif'; }, /Unsupported MIME type/);
    await expect400((b) => { b.contents[0].parts[0].inlineData.mimeType = 'image/png'; }, /Unable to process input image/);
    await expect400((b) => { b.generationConfig.temperature = 3; }, /temperature/);
    await expect400((b) => { b.generationConfig.responseMimeType = 'text/plain'; }, /response_mime_type/);
    await expect400((b) => { delete b.generationConfig.responseSchema; }, /structured output/);
    await expect400((b) => { b.generationConfig.responseSchema.type = 'MAP'; }, /type/);
    await expect400((b) => { b.generationConfig.responseSchema.required = ['zzz']; }, /not defined/);
    await expect400((b) => { b.generationConfig.responseSchema.properties.l = { type: 'ARRAY' }; }, /items/);
    await expect400((b) => { b.generationConfig.responseSchema.additionalProperties = false; }, /Unknown name/);
    await expect400((b) => { b.generationConfig.thinkingConfig = { thinkingLevel: 'LOW', thinkingBudget: 0 }; }, /only one/);
    await expect400((b) => { b.generationConfig.mediaResolution = 'MEDIA_RESOLUTION_ULTRA'; }, /media_resolution/);
    // snake_case names are accepted, as by the real proto JSON parser.
    const b = goodBody();
    b.generation_config = b.generationConfig;
    delete b.generationConfig;
    assert.equal((await post(DEV, b)).status, 200);
  }],
  ['script: errors with retry hints, refusals, raw text, drops, delays', async () => {
    await fake.reset();
    await fake.script({ responses: [
      { status: 429, retryAfter: '3', retryDelay: '2.5s' },
      { status: 503 },
      { finishReason: 'SAFETY' },
      { blockReason: 'PROHIBITED_CONTENT' },
      { text: '{"document_type": "id_c' },
      { ok: { document_type: 'passport', fields: {}, mrz_lines: [] }, delayMs: 300 },
      { drop: true },
    ] });
    let r = await post(DEV, goodBody());
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '3');
    assert.equal(r.json.error.status, 'RESOURCE_EXHAUSTED');
    assert.deepEqual(r.json.error.details, [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2.5s' }]);
    r = await post(DEV, goodBody());
    assert.equal(r.status, 503);
    assert.equal(r.json.error.status, 'UNAVAILABLE');
    r = await post(DEV, goodBody());
    assert.equal(r.json.candidates[0].finishReason, 'SAFETY');
    assert.equal(r.json.candidates[0].content.parts, undefined);
    r = await post(DEV, goodBody());
    assert.equal(r.json.promptFeedback.blockReason, 'PROHIBITED_CONTENT');
    assert.equal(r.json.candidates, undefined);
    r = await post(DEV, goodBody());
    assert.equal(r.json.candidates[0].content.parts[0].text, '{"document_type": "id_c');
    const t0 = Date.now();
    r = await post(DEV, goodBody());
    assert.ok(Date.now() - t0 >= 290);
    assert.equal(JSON.parse(r.json.candidates[0].content.parts[0].text).document_type, 'passport');
    await assert.rejects(post(DEV, goodBody()));
    r = await post(DEV, goodBody());  // script exhausted: default again
    assert.equal(r.status, 200);
    const stats = await fake.stats();
    assert.equal(stats.modelCalls, 8);
  }],
  ['invalid requests consume no script step and are recorded redacted', async () => {
    await fake.reset();
    await fake.script({ responses: [{ status: 500 }] });
    await post(DEV, goodBody(), {});
    const r = await post(DEV, goodBody());
    assert.equal(r.status, 500);
    const recorded = await fake.requests();
    assert.equal(recorded.length, 2);
    assert.equal(recorded[0].status, 403);
    assert.equal(recorded[1].status, 500);
    assert.equal(recorded[1].api, 'developer');
    assert.match(recorded[1].body.contents[0].parts[0].inlineData.data, /^<base64 \d+ chars>$/);
    assert.equal((await fake.stats()).modelCalls, 1);
  }],
  ['fixed latency and concurrency for load tests', async () => {
    await fake.reset();
    await fake.config({ latencyMs: 400 });
    const t0 = Date.now();
    const all = await Promise.all(Array.from({ length: 20 }, () => post(DEV, goodBody())));
    const elapsed = Date.now() - t0;
    assert.ok(all.every((r) => r.status === 200));
    assert.ok(elapsed >= 390 && elapsed < 2500, `elapsed ${elapsed}`);
    assert.equal((await fake.stats()).maxInflight, 20);
    await fake.config({ latencyMs: 0 });
  }],
  ['metadata token endpoint', async () => {
    let r = await fetch(fake.url + '/computeMetadata/v1/instance/service-accounts/default/token');
    assert.equal(r.status, 403);
    r = await fetch(fake.url + '/computeMetadata/v1/instance/service-accounts/default/token',
      { headers: { 'Metadata-Flavor': 'Google' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('metadata-flavor'), 'Google');
    assert.equal((await r.json()).access_token, 't1');
  }],
]);
await fake.stop();
