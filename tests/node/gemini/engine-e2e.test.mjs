// The Gemini engine end to end over real HTTP: gemini_probe (MakeGeminiEngine, libcurl)
// against fake-gemini.mjs, one scripted scenario per error path.
import assert from 'node:assert/strict';
import { startFake, runCases, runProbe, writeTemp, TINY_JPEG } from './harness.mjs';

const fake = await startFake(['--api-key', 'e2e-key', '--token', 'e2e-token']);
const image = writeTemp('doc.jpg', TINY_JPEG);
const devEnv = { GEMINI_API_KEY: 'e2e-key', GEMINI_BASE_URL: fake.url };

async function scenario(steps, { env = devEnv, args = [] } = {}) {
  await fake.reset();
  await fake.script({ responses: steps });
  const t0 = Date.now();
  const r = await runProbe(env, [...args, image]);
  r.elapsed = Date.now() - t0;
  r.modelCalls = (await fake.stats()).modelCalls;
  r.requests = await fake.requests();
  return r;
}

await runCases([
  ['success: extraction and engine info', async () => {
    const r = await scenario([]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.out.extraction.type, 'id_card');
    assert.equal(r.out.extraction.fields.surname.value, 'MARTIN');
    assert.equal(r.out.extraction.fields.surname.source, 'model');
    assert.equal(r.out.extraction.mrz_lines.length, 3);
    assert.equal(r.out.engine.name, 'gemini');
    assert.equal(r.out.engine.model, 'gemini-3.8-flash');
    assert.equal(r.out.engine.model_version, 'gemini-3.8-flash');
    assert.equal(r.out.engine.attempts, 1);
    assert.ok(r.out.engine.input_tokens > 560);
    assert.ok(r.out.engine.output_tokens > 0);
    assert.equal(r.requests[0].headers['x-goog-api-key'], 'e2e-key');
  }],
  ['429 with Retry-After is waited out, then succeeds', async () => {
    const r = await scenario([{ status: 429, retryAfter: '1' }]);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.out.engine.attempts, 2);
    assert.ok(r.elapsed >= 1000, `elapsed ${r.elapsed}`);
  }],
  ['503 with RetryInfo, 500, a dropped connection, then success', async () => {
    const r = await scenario([{ status: 503, retryDelay: '0.2s' }, { status: 500 }, { drop: true }]);
    assert.equal(r.code, 0, r.stdout);
    // The drop hits a kept-alive (pooled) connection: libcurl itself sends the request once
    // more on a fresh connection when a reused one dies before any answer, so the engine may
    // see that as one attempt. The model is called four times either way.
    assert.ok([3, 4].includes(r.out.engine.attempts), `attempts ${r.out.engine.attempts}`);
    assert.equal(r.modelCalls, 4);
  }],
  ['quota never comes back: transient RESOURCE_EXHAUSTED after GEMINI_MAX_ATTEMPTS', async () => {
    const r = await scenario([{ status: 429, repeat: 10 }], { env: { ...devEnv, GEMINI_MAX_ATTEMPTS: '2' } });
    assert.equal(r.code, 3, r.stdout);
    assert.equal(r.out.status.code, 'RESOURCE_EXHAUSTED');
    assert.equal(r.out.status.transient, true);
    assert.equal(r.modelCalls, 2);
  }],
  ['SAFETY and blocked prompts are model_refused rejections, not retried', async () => {
    for (const step of [{ finishReason: 'SAFETY' }, { blockReason: 'SAFETY' }]) {
      const r = await scenario([step]);
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.out.rejection.code, 'model_refused');
      assert.match(r.out.rejection.message, /SAFETY/);
      assert.equal(r.modelCalls, 1);
    }
  }],
  ['invalid JSON once: asked again; twice: model_output_invalid', async () => {
    let r = await scenario([{ text: '{"document_type": "id_' }]);
    assert.equal(r.code, 0, r.stdout);
    assert.ok(r.out.extraction);
    assert.equal(r.out.engine.attempts, 2);
    r = await scenario([{ text: 'I cannot read this' }, { ok: { document_type: 'id_card' } }]);
    assert.equal(r.out.rejection.code, 'model_output_invalid');
    assert.equal(r.modelCalls, 2);
  }],
  ['retired model: NotFound naming GEMINI_MODEL, no retry', async () => {
    const r = await scenario([], { env: { ...devEnv, GEMINI_MODEL: 'gemini-2.5-flash' } });
    assert.equal(r.code, 3);
    assert.equal(r.out.status.code, 'NOT_FOUND');
    assert.match(r.out.status.message, /GEMINI_MODEL/);
    assert.equal(r.out.status.transient, false);
    assert.equal(r.requests.length, 1);
  }],
  ['bad API key: InvalidArgument, no retry', async () => {
    const r = await scenario([], { env: { ...devEnv, GEMINI_API_KEY: 'wrong' } });
    assert.equal(r.out.status.code, 'INVALID_ARGUMENT');
    assert.match(r.out.status.message, /API key not valid/);
    assert.equal(r.requests.length, 1);
  }],
  ['deadline: a slow model gives a transient error in time', async () => {
    const r = await scenario([{ ok: { document_type: 'other', fields: {}, mrz_lines: [] }, delayMs: 4000 }],
      { args: ['--deadline-ms', '1000'] });
    assert.equal(r.code, 3, r.stdout);
    assert.equal(r.out.status.transient, true);
    assert.ok(r.elapsed < 3000, `elapsed ${r.elapsed}`);
  }],
  ['vertex: token from the metadata server, bearer on the request', async () => {
    const env = { GOOGLE_CLOUD_PROJECT: 'demo', GEMINI_BASE_URL: fake.url,
      GCE_METADATA_HOST: `127.0.0.1:${fake.port}` };
    const r = await scenario([], { env, args: ['--engine', 'vertex'] });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.out.engine.name, 'vertex');
    const call = r.requests.find((q) => q.api === 'vertex');
    assert.equal(call.headers.authorization, 'Bearer e2e-token');
    assert.equal(call.path, '/v1/projects/demo/locations/europe-west1/publishers/google/models/gemini-3.8-flash:generateContent');
  }],
  ['vertex without any credentials: transient error that says what to set', async () => {
    const env = { GOOGLE_CLOUD_PROJECT: 'demo', GEMINI_BASE_URL: fake.url, GCE_METADATA_HOST: '127.0.0.1:1' };
    const r = await scenario([], { env, args: ['--engine', 'vertex', '--deadline-ms', '2500'] });
    assert.equal(r.code, 3, r.stdout);
    assert.equal(r.out.status.transient, true);
    assert.match(r.out.status.message, /GOOGLE_APPLICATION_CREDENTIALS/);
    assert.equal(r.modelCalls, 0);
  }],
  ['configuration errors exit 2 naming the variable', async () => {
    const r = await runProbe({ GEMINI_BASE_URL: fake.url }, [image]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /GEMINI_API_KEY/);
  }],
]);
await fake.stop();
