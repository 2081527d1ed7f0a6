// The official SDK (@google/genai) accepts fake-gemini.mjs's answers, in Developer API
// mode (argv[2] = developer) or Vertex AI mode (argv[2] = vertex): proof that the fake
// speaks the real wire format, so tests passing against it mean something.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startFake, runCases, skip, TINY_JPEG } from './harness.mjs';

const mode = process.argv[2] ?? 'developer';
let genai;
let OAuth2Client;
try {
  genai = await import('@google/genai');
  // The google-auth-library the SDK itself depends on (a nested v10, not the hoisted one).
  const requireFromSdk = createRequire(createRequire(import.meta.url).resolve('@google/genai'));
  ({ OAuth2Client } = requireFromSdk('google-auth-library'));
} catch (e) {
  skip(`@google/genai not installed (run scripts/install-deps.sh --test): ${e.message}`);
}
const { GoogleGenAI, Type, ApiError } = genai;

const fake = await startFake(['--api-key', 'sdk-key', '--token', 'sdk-token']);

function client() {
  const httpOptions = { baseUrl: fake.url };
  if (mode === 'vertex') {
    // A fixed token: the SDK must never look for real credentials.
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'sdk-token', expiry_date: Date.now() + 3600e3 });
    return new GoogleGenAI({ vertexai: true, project: 'demo-project', location: 'europe-west1',
      googleAuthOptions: { authClient }, httpOptions });
  }
  return new GoogleGenAI({ apiKey: 'sdk-key', httpOptions });
}

const schema = {
  type: Type.OBJECT,
  properties: {
    document_type: { type: Type.STRING, enum: ['id_card', 'passport', 'other'] },
    fields: { type: Type.OBJECT, properties: { surname: { type: Type.STRING, nullable: true } } },
    mrz_lines: { type: Type.ARRAY, items: { type: Type.STRING } },
  },
  required: ['document_type', 'fields', 'mrz_lines'],
};

function call(ai, extra = {}) {
  return ai.models.generateContent({
    model: 'gemini-3.8-flash',
    contents: [{ role: 'user', parts: [
      { inlineData: { mimeType: 'image/jpeg', data: TINY_JPEG.toString('base64') } },
      { text: 'Read the document.' }] }],
    config: { systemInstruction: 'You read documents.', temperature: 0,
      responseMimeType: 'application/json', responseSchema: schema,
      thinkingConfig: { thinkingLevel: 'MINIMAL' }, mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
      ...extra },
  });
}

const ai = client();
const expectedPath = mode === 'vertex'
  ? '/v1beta1/projects/demo-project/locations/europe-west1/publishers/google/models/gemini-3.8-flash:generateContent'
  : '/v1beta/models/gemini-3.8-flash:generateContent';

await runCases([
  ['generateContent returns the scripted text and usage', async () => {
    await fake.reset();
    const output = { document_type: 'passport', fields: { surname: 'ERIKSSON' }, mrz_lines: ['P<UTO'] };
    await fake.script({ responses: [{ ok: output }] });
    const r = await call(ai);
    assert.deepEqual(JSON.parse(r.text), output);
    assert.equal(r.candidates[0].finishReason, 'STOP');
    assert.equal(typeof r.usageMetadata.promptTokenCount, 'number');
    assert.ok(r.usageMetadata.promptTokenCount > 560);
    assert.equal(typeof r.usageMetadata.candidatesTokenCount, 'number');
    assert.equal(r.usageMetadata.promptTokensDetails.find((d) => d.modality === 'IMAGE').tokenCount, 560);
    assert.equal(r.modelVersion, 'gemini-3.8-flash');
    assert.ok(r.responseId);
    const [req] = await fake.requests();
    assert.equal(req.path, expectedPath);
    assert.equal(req.status, 200);
    if (mode === 'vertex') assert.equal(req.headers.authorization, 'Bearer sdk-token');
    else assert.equal(req.headers['x-goog-api-key'], 'sdk-key');
  }],
  ['the default answer parses', async () => {
    await fake.reset();
    const r = await call(ai);
    assert.equal(JSON.parse(r.text).document_type, 'id_card');
  }],
  ['SAFETY finish and blocked prompts are surfaced the SDK way', async () => {
    await fake.reset();
    await fake.script({ responses: [{ finishReason: 'SAFETY' }, { blockReason: 'SAFETY' }] });
    let r = await call(ai);
    assert.equal(r.candidates[0].finishReason, 'SAFETY');
    assert.equal(r.text, undefined);
    r = await call(ai);
    assert.equal(r.promptFeedback.blockReason, 'SAFETY');
    assert.equal(r.text, undefined);
  }],
  ['scripted errors become ApiError with the HTTP status and Google message', async () => {
    await fake.reset();
    await fake.script({ responses: [{ status: 429, retryDelay: '1s', message: 'Quota exceeded' }, { status: 503 }] });
    for (const status of [429, 503]) {
      await assert.rejects(call(ai), (e) => {
        assert.ok(e instanceof ApiError, String(e));
        assert.equal(e.status, status);
        return true;
      });
    }
  }],
  ['retired model is a 404 ApiError', async () => {
    await assert.rejects(ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x',
      config: { responseMimeType: 'application/json', responseSchema: schema } }),
    (e) => e instanceof ApiError && e.status === 404 && /not found/.test(e.message));
  }],
  ['the fake rejects what the SDK would send without a schema (our contract)', async () => {
    await assert.rejects(ai.models.generateContent({ model: 'gemini-3.8-flash', contents: 'x' }),
      (e) => e instanceof ApiError && e.status === 400);
  }],
]);
await fake.stop();
