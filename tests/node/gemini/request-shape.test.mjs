// The request our C++ client sends (gemini_probe → libcurl → fake) has the same shape as
// the official SDK's request for the same call: same JSON keys at the same places with
// the same types, same path (up to the API version segment), same auth header.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startFake, runCases, runProbe, skip, writeTemp, TINY_JPEG } from './harness.mjs';

let GoogleGenAI;
let OAuth2Client;
try {
  ({ GoogleGenAI } = await import('@google/genai'));
  const requireFromSdk = createRequire(createRequire(import.meta.url).resolve('@google/genai'));
  ({ OAuth2Client } = requireFromSdk('google-auth-library'));
} catch (e) {
  skip(`@google/genai not installed (run scripts/install-deps.sh --test): ${e.message}`);
}

const fake = await startFake(['--api-key', 'shape-key', '--token', 'shape-token', '--keep-data']);
const image = writeTemp('doc.jpg', TINY_JPEG);

// "a.b[].c:string" for every leaf; arrays contribute their element shapes.
function shape(value, prefix = '', out = new Set()) {
  if (Array.isArray(value)) {
    out.add(`${prefix}:array`);
    for (const v of value) shape(v, `${prefix}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    out.add(`${prefix}:object`);
    for (const [k, v] of Object.entries(value)) shape(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.add(`${prefix}:${value === null ? 'null' : typeof value}`);
  }
  return out;
}
const stripVersion = (p) => p.replace(/^\/v1[a-z0-9]*\//, '/VERSION/');

function sdkClient(mode) {
  const httpOptions = { baseUrl: fake.url };
  if (mode === 'vertex') {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'shape-token', expiry_date: Date.now() + 3600e3 });
    return new GoogleGenAI({ vertexai: true, project: 'demo-project', location: 'europe-west1',
      googleAuthOptions: { authClient }, httpOptions });
  }
  return new GoogleGenAI({ apiKey: 'shape-key', httpOptions });
}

async function compare(mode) {
  await fake.reset();
  const env = mode === 'vertex'
    ? { GOOGLE_CLOUD_PROJECT: 'demo-project', GOOGLE_CLOUD_LOCATION: 'europe-west1',
        GEMINI_BASE_URL: fake.url, GCE_METADATA_HOST: `127.0.0.1:${fake.port}` }
    : { GEMINI_API_KEY: 'shape-key', GEMINI_BASE_URL: fake.url };
  const probe = await runProbe(env, ['--engine', mode === 'vertex' ? 'vertex' : 'gemini', image]);
  assert.equal(probe.code, 0, probe.stdout + probe.stderr);
  assert.ok(probe.out.extraction, probe.stdout);
  const [ours] = (await fake.requests()).filter((r) => r.api);
  assert.equal(ours.status, 200);

  // The SDK makes the same call from the same ingredients.
  const g = ours.body.generationConfig;
  await fake.reset();
  const ai = sdkClient(mode);
  await ai.models.generateContent({
    model: ours.model,
    contents: ours.body.contents,
    config: { systemInstruction: ours.body.systemInstruction, temperature: g.temperature,
      responseMimeType: g.responseMimeType, responseSchema: g.responseSchema,
      maxOutputTokens: g.maxOutputTokens, mediaResolution: g.mediaResolution,
      thinkingConfig: g.thinkingConfig },
  });
  const [sdk] = await fake.requests();
  assert.equal(sdk.status, 200);

  assert.equal(stripVersion(ours.path), stripVersion(sdk.path));
  const authHeader = mode === 'vertex' ? 'authorization' : 'x-goog-api-key';
  assert.equal(ours.headers[authHeader], sdk.headers[authHeader]);
  assert.match(ours.headers['content-type'], /^application\/json/);
  const a = [...shape(ours.body)].sort();
  const b = [...shape(sdk.body)].sort();
  assert.deepEqual(a.filter((k) => !b.includes(k)), [], 'keys only in our request');
  assert.deepEqual(b.filter((k) => !a.includes(k)), [], 'keys only in the SDK request');
  // Beyond the shape, the values agree too (the SDK passes them through unchanged).
  assert.deepEqual(ours.body, sdk.body);
}

await runCases([
  ['developer API: our request and the SDK request agree', () => compare('developer')],
  ['vertex AI (token from the metadata server): our request and the SDK request agree', () => compare('vertex')],
]);
await fake.stop();
