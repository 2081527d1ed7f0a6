#!/usr/bin/env node
// fake-gemini.mjs — a local stand-in for the Gemini API (Developer API and Vertex AI) and
// the GCE metadata token endpoint, for jae-ocr's integration and load tests. Node http
// only, no dependencies.
//
// USAGE
//   node tests/node/fake-gemini.mjs [options]
//   Prints "listening on PORT" on stdout once it accepts connections; SIGTERM/SIGINT stop it.
//   --port N            port to listen on (default 0 = a free port)
//   --host H            address to bind (default 127.0.0.1)
//   --api-key K         Developer API key to demand (default: any non-empty key)
//   --token T           Vertex bearer token to demand, and the one the metadata endpoint
//                       hands out (default: any non-empty token / "fake-access-token")
//   --latency-ms N      delay every model answer by N ms (e.g. 1500 for load tests)
//   --script FILE       JSON file {"responses":[STEP...], "default": STEP} (see SCRIPT)
//   --retired a,b       model ids that answer 404 NOT_FOUND like retired models
//                       (default gemini-1.5-flash,gemini-1.5-pro,gemini-2.0-flash,
//                        gemini-2.5-flash,gemini-2.5-pro)
//   --no-require-schema accept requests without responseMimeType application/json +
//                       responseSchema/responseJsonSchema (the real API does; jae-ocr never
//                       sends one, so by default the fake refuses them with a 400)
//   --keep-data         record inlineData.data in full (default: "<base64 N chars>")
//
// ROUTES (what the real APIs serve)
//   POST /{v1beta,v1,v1alpha}/models/{MODEL}:generateContent                   Developer API
//        auth: x-goog-api-key header (or ?key=)
//   POST /{v1,v1beta1}/projects/{P}/locations/{L}/publishers/google/models/{MODEL}:generateContent
//        auth: Authorization: Bearer TOKEN                                      Vertex AI
//   GET  /computeMetadata/v1/instance/service-accounts/default/token          metadata server
//        needs Metadata-Flavor: Google; answers {access_token, expires_in, token_type}
// Each generateContent request is validated as the real API does: method, path, auth,
// Content-Type, JSON body shape (unknown fields rejected, camelCase or snake_case names),
// contents/parts, inlineData mimeType (png, jpeg, webp, heic, heif, pdf) and base64 data
// whose bytes start like that type, generationConfig values, responseSchema (OpenAPI
// subset) with responseMimeType application/json. Failures answer a Google-style error
// {"error":{"code","message","status"}} with 400/401/403/404 and consume no script step.
//
// SCRIPT: valid model calls consume STEPs in order; when none are left, "default" answers.
//   {"ok": OBJECT|STRING}      a STOP candidate whose text is the JSON of OBJECT (or STRING)
//   {"text": STRING}           a STOP candidate with this text as is (e.g. invalid JSON)
//   {"finishReason": "SAFETY"} a candidate stopped for that reason, no text
//   {"blockReason": "SAFETY"}  promptFeedback.blockReason, no candidates
//   {"status": 429|500|503|..., "message": "...", "retryAfter": "2", "retryDelay": "1.5s"}
//                              a Google error; retryAfter → Retry-After header, retryDelay →
//                              a google.rpc.RetryInfo detail
//   {"raw": {"status": 200, "headers": {}, "body": "..."}}  exactly this answer
//   {"drop": true}             close the connection without answering (network error)
//   Any step may add "delayMs": N (on top of --latency-ms) and "repeat": N (use it N times).
//   The built-in default is {"ok": <the synthetic French ID card of identity-documents.md §8>}.
//
// CONTROL API (plain HTTP, no auth; paths under /_fake/)
//   POST /_fake/script   body {"responses":[...], "default": STEP?} replaces the queue
//   POST /_fake/enqueue  body [STEP...] appends to the queue
//   POST /_fake/config   body {"latencyMs", "apiKey", "token", "requireSchema"} (any subset)
//   GET  /_fake/requests the recorded requests: [{method, path, api, model, status,
//                        headers, body}] (model calls and rejected calls, not control calls)
//   GET  /_fake/stats    {"modelCalls", "answered": {status: count}, "inflight", "maxInflight"}
//   POST /_fake/reset    clears recorded requests, stats and the script
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';

const DEFAULT_OUTPUT = {
  document_type: 'id_card',
  side: 'back',
  issuing_country: 'FRA',
  fields: {
    surname: 'MARTIN',
    given_names: 'MAËLYS GAELLE MARIE',
    birth_date: '1990-07-13',
    sex: 'F',
    nationality: 'FRA',
    document_number: 'X4RTBPFW4',
    expiry_date: '2030-02-11',
  },
  mrz_lines: [
    'IDFRAX4RTBPFW46<<<<<<<<<<<<<<<',
    '9007138F3002119FRA<<<<<<<<<<<6',
    'MARTIN<<MAELYS<GAELLE<MARIE<<<',
  ],
};

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = {
    port: 0, host: '127.0.0.1', apiKey: null, token: null, latencyMs: 0, script: null,
    retired: ['gemini-1.5-flash', 'gemini-1.5-pro', 'gemini-2.0-flash', 'gemini-2.5-flash',
      'gemini-2.5-pro'],
    requireSchema: true, keepData: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--port') o.port = Number(next());
    else if (a === '--host') o.host = next();
    else if (a === '--api-key') o.apiKey = next();
    else if (a === '--token') o.token = next();
    else if (a === '--latency-ms') o.latencyMs = Number(next());
    else if (a === '--script') o.script = JSON.parse(fs.readFileSync(next(), 'utf8'));
    else if (a === '--retired') o.retired = next().split(',').filter(Boolean);
    else if (a === '--no-require-schema') o.requireSchema = false;
    else if (a === '--keep-data') o.keepData = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------- validation
class ApiError extends Error {
  constructor(code, status, message, details) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}
const invalid = (message) => new ApiError(400, 'INVALID_ARGUMENT', message);
const unknownName = (name, where) =>
  invalid(`Invalid JSON payload received. Unknown name "${name}" at '${where}': Cannot find field.`);

// Proto JSON accepts the lowerCamel name and the original snake_case name.
const snake = (s) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
function checkKeys(obj, allowed, where) {
  const ok = new Set(allowed.flatMap((k) => [k, snake(k)]));
  for (const k of Object.keys(obj)) if (!ok.has(k)) throw unknownName(k, where);
}
const get = (obj, key) => (obj[key] !== undefined ? obj[key] : obj[snake(key)]);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

const MIME_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif',
  'application/pdf']);
function magicMatches(mime, bytes) {
  const s = (i, str) => bytes.subarray(i, i + str.length).toString('latin1') === str;
  switch (mime) {
    case 'image/jpeg': return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/png': return s(0, '\x89PNG\r\n\x1a\n');
    case 'image/webp': return s(0, 'RIFF') && s(8, 'WEBP');
    case 'image/heic': case 'image/heif': return s(4, 'ftyp');
    case 'application/pdf': return s(0, '%PDF-');
    default: return false;
  }
}

const PART_DATA = ['text', 'inlineData', 'fileData', 'functionCall', 'functionResponse',
  'executableCode', 'codeExecutionResult'];
function checkPart(part, where) {
  if (!isObject(part)) throw invalid(`Invalid value at '${where}': not an object`);
  checkKeys(part, [...PART_DATA, 'thought', 'thoughtSignature', 'mediaResolution', 'videoMetadata'], where);
  const data = PART_DATA.filter((k) => get(part, k) !== undefined);
  if (data.length !== 1) {
    throw invalid(`* GenerateContentRequest.${where}.data: required oneof field 'data' must have one initialized field`);
  }
  const text = get(part, 'text');
  if (text !== undefined && typeof text !== 'string') throw invalid(`Invalid value at '${where}.text' (TYPE_STRING)`);
  const inline = get(part, 'inlineData');
  if (inline !== undefined) {
    if (!isObject(inline)) throw invalid(`Invalid value at '${where}.inline_data'`);
    checkKeys(inline, ['mimeType', 'data', 'displayName'], `${where}.inline_data`);
    const mime = get(inline, 'mimeType');
    const b64 = get(inline, 'data');
    if (typeof b64 !== 'string' || b64.length === 0) {
      throw invalid(`* GenerateContentRequest.${where}.inline_data.data: required field is not specified`);
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
      throw invalid(`Invalid value at '${where}.inline_data.data' (TYPE_BYTES), Base64 decoding failed`);
    }
    if (typeof mime !== 'string' || !MIME_TYPES.has(mime)) {
      throw invalid(`Unsupported MIME type: ${mime}`);
    }
    if (!magicMatches(mime, Buffer.from(b64, 'base64'))) {
      throw invalid('Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting');
    }
  }
}

function checkContent(content, where, isSystem) {
  if (!isObject(content)) throw invalid(`Invalid value at '${where}': not an object`);
  checkKeys(content, ['role', 'parts'], where);
  const role = content.role;
  if (role !== undefined && !(isSystem ? ['user', 'system', ''] : ['user', 'model']).includes(role)) {
    throw invalid(`Please use a valid role: user, model.`);
  }
  if (!Array.isArray(content.parts) || content.parts.length === 0) {
    throw invalid(`* GenerateContentRequest.${where}.parts: contents.parts must not be empty.`);
  }
  content.parts.forEach((p, i) => checkPart(p, `${where}.parts[${i}]`));
}

const SCHEMA_TYPES = new Set(['TYPE_UNSPECIFIED', 'STRING', 'NUMBER', 'INTEGER', 'BOOLEAN', 'ARRAY',
  'OBJECT', 'NULL']);
const SCHEMA_KEYS = ['type', 'format', 'title', 'description', 'nullable', 'enum', 'maxItems',
  'minItems', 'properties', 'required', 'minProperties', 'maxProperties', 'minLength',
  'maxLength', 'pattern', 'example', 'anyOf', 'propertyOrdering', 'default', 'items', 'minimum',
  'maximum'];
function checkSchema(schema, where, depth = 0) {
  if (depth > 20) throw invalid(`${where}: schema nesting too deep`);
  if (!isObject(schema)) throw invalid(`Invalid value at '${where}': a Schema must be an object`);
  checkKeys(schema, SCHEMA_KEYS, where);
  if (schema.type !== undefined &&
      (typeof schema.type !== 'string' || !SCHEMA_TYPES.has(schema.type.toUpperCase()))) {
    throw invalid(`Invalid value at '${where}.type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), "${schema.type}"`);
  }
  const type = (schema.type || '').toUpperCase();
  if (schema.nullable !== undefined && typeof schema.nullable !== 'boolean') throw invalid(`Invalid value at '${where}.nullable' (TYPE_BOOL)`);
  if (schema.enum !== undefined &&
      (!Array.isArray(schema.enum) || !schema.enum.every((e) => typeof e === 'string'))) {
    throw invalid(`Invalid value at '${where}.enum' (TYPE_STRING)`);
  }
  if (schema.properties !== undefined) {
    if (!isObject(schema.properties)) throw invalid(`Invalid value at '${where}.properties'`);
    if (type !== 'OBJECT') throw invalid(`* GenerateContentRequest.generation_config.response_schema.properties: only allowed for OBJECT type`);
    for (const [k, v] of Object.entries(schema.properties)) checkSchema(v, `${where}.properties[${k}].value`, depth + 1);
  }
  if (type === 'OBJECT' && schema.properties !== undefined && Object.keys(schema.properties).length === 0) {
    throw invalid(`* GenerateContentRequest.generation_config.response_schema.properties: should be non-empty for OBJECT type`);
  }
  for (const list of ['required', 'propertyOrdering']) {
    if (schema[list] === undefined) continue;
    if (!Array.isArray(schema[list]) || !schema[list].every((k) => typeof k === 'string')) {
      throw invalid(`Invalid value at '${where}.${snake(list)}' (TYPE_STRING)`);
    }
    for (const k of schema[list]) {
      if (!schema.properties || !(k in schema.properties)) {
        throw invalid(`* GenerateContentRequest.generation_config.response_schema.${snake(list)}[${k}]: property is not defined`);
      }
    }
  }
  if (schema.items !== undefined) checkSchema(schema.items, `${where}.items`, depth + 1);
  if (type === 'ARRAY' && schema.items === undefined) {
    throw invalid(`* GenerateContentRequest.generation_config.response_schema.items: missing field.`);
  }
  if (schema.anyOf !== undefined) {
    if (!Array.isArray(schema.anyOf)) throw invalid(`Invalid value at '${where}.any_of'`);
    schema.anyOf.forEach((s, i) => checkSchema(s, `${where}.any_of[${i}]`, depth + 1));
  }
}

const GEN_KEYS = ['temperature', 'topP', 'topK', 'candidateCount', 'maxOutputTokens',
  'stopSequences', 'presencePenalty', 'frequencyPenalty', 'seed', 'responseMimeType',
  'responseSchema', 'responseJsonSchema', 'responseModalities', 'thinkingConfig',
  'mediaResolution', 'responseLogprobs', 'logprobs', 'speechConfig', 'imageConfig',
  'enableEnhancedCivicAnswers', 'routingConfig', 'audioTimestamp'];
function checkGenerationConfig(g, requireSchema) {
  if (g === undefined) g = {};
  if (!isObject(g)) throw invalid(`Invalid value at 'generation_config'`);
  checkKeys(g, GEN_KEYS, 'generation_config');
  const num = (k, lo, hi) => {
    const v = get(g, k);
    if (v === undefined) return;
    if (typeof v !== 'number' || !(v >= lo && v <= hi)) throw invalid(`* GenerateContentRequest.generation_config.${snake(k)}: must be in [${lo}, ${hi}]`);
  };
  num('temperature', 0, 2);
  num('topP', 0, 1);
  const maxOut = get(g, 'maxOutputTokens');
  if (maxOut !== undefined && !(Number.isInteger(maxOut) && maxOut > 0)) throw invalid(`Invalid value at 'generation_config.max_output_tokens' (TYPE_INT32)`);
  const mime = get(g, 'responseMimeType');
  if (mime !== undefined && !['text/plain', 'application/json', 'text/x.enum'].includes(mime)) {
    throw invalid(`* GenerateContentRequest.generation_config.response_mime_type: allowed mimetypes are \`text/plain\`, \`application/json\`, and \`text/x.enum\`.`);
  }
  const schema = get(g, 'responseSchema');
  const jsonSchema = get(g, 'responseJsonSchema');
  if (schema !== undefined && jsonSchema !== undefined) {
    throw invalid(`* GenerateContentRequest.generation_config.response_schema: only one of response_schema and response_json_schema may be set`);
  }
  if ((schema !== undefined || jsonSchema !== undefined) && mime !== 'application/json' && mime !== 'text/x.enum') {
    throw invalid(`* GenerateContentRequest.generation_config.response_mime_type: a response schema needs response_mime_type application/json`);
  }
  if (schema !== undefined) checkSchema(schema, 'generation_config.response_schema');
  if (jsonSchema !== undefined && !isObject(jsonSchema)) throw invalid(`Invalid value at 'generation_config.response_json_schema'`);
  if (requireSchema && (mime !== 'application/json' || (schema === undefined && jsonSchema === undefined))) {
    throw invalid(`fake-gemini: this fake only answers structured output: responseMimeType application/json with a responseSchema or responseJsonSchema (start it with --no-require-schema to allow free text)`);
  }
  const thinking = get(g, 'thinkingConfig');
  if (thinking !== undefined) {
    if (!isObject(thinking)) throw invalid(`Invalid value at 'generation_config.thinking_config'`);
    checkKeys(thinking, ['includeThoughts', 'thinkingBudget', 'thinkingLevel'], 'generation_config.thinking_config');
    const budget = get(thinking, 'thinkingBudget');
    const level = get(thinking, 'thinkingLevel');
    if (budget !== undefined && !Number.isInteger(budget)) throw invalid(`Invalid value at 'generation_config.thinking_config.thinking_budget' (TYPE_INT32)`);
    if (level !== undefined && !['THINKING_LEVEL_UNSPECIFIED', 'MINIMAL', 'LOW', 'MEDIUM', 'HIGH'].includes(level)) {
      throw invalid(`Invalid value at 'generation_config.thinking_config.thinking_level', "${level}"`);
    }
    if (budget !== undefined && level !== undefined) throw invalid(`You can only set only one of thinking budget and thinking level.`);
  }
  const media = get(g, 'mediaResolution');
  if (media !== undefined && !['MEDIA_RESOLUTION_UNSPECIFIED', 'MEDIA_RESOLUTION_LOW',
    'MEDIA_RESOLUTION_MEDIUM', 'MEDIA_RESOLUTION_HIGH'].includes(media)) {
    throw invalid(`Invalid value at 'generation_config.media_resolution', "${media}"`);
  }
  return g;
}

function checkBody(body, requireSchema) {
  if (!isObject(body)) throw invalid('Invalid JSON payload received. Expected an object.');
  checkKeys(body, ['contents', 'systemInstruction', 'generationConfig', 'safetySettings', 'tools',
    'toolConfig', 'cachedContent', 'labels', 'model'], '');
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    throw invalid('* GenerateContentRequest.contents: contents is not specified');
  }
  contents.forEach((c, i) => checkContent(c, `contents[${i}]`, false));
  const system = get(body, 'systemInstruction');
  if (system !== undefined) checkContent(system, 'system_instruction', true);
  const safety = get(body, 'safetySettings');
  if (safety !== undefined && !Array.isArray(safety)) throw invalid(`Invalid value at 'safety_settings'`);
  return checkGenerationConfig(get(body, 'generationConfig'), requireSchema);
}

// ---------------------------------------------------------------- answers
const estimateTokens = (s) => Math.max(1, Math.ceil(s.length / 4));
const IMAGE_TOKENS = { MEDIA_RESOLUTION_LOW: 280, MEDIA_RESOLUTION_MEDIUM: 560, MEDIA_RESOLUTION_HIGH: 1120 };

function usageFor(body, gen, outputText) {
  let textTokens = 0;
  let imageTokens = 0;
  const parts = [...body.contents.flatMap((c) => c.parts),
    ...(get(body, 'systemInstruction')?.parts ?? [])];
  for (const p of parts) {
    if (typeof p.text === 'string') textTokens += estimateTokens(p.text);
    if (get(p, 'inlineData')) imageTokens += IMAGE_TOKENS[get(gen, 'mediaResolution')] ?? 1120;
  }
  const prompt = textTokens + imageTokens;
  const usage = {
    promptTokenCount: prompt,
    totalTokenCount: prompt,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: textTokens }],
  };
  if (imageTokens) usage.promptTokensDetails.push({ modality: 'IMAGE', tokenCount: imageTokens });
  if (outputText) {
    usage.candidatesTokenCount = estimateTokens(outputText);
    usage.totalTokenCount += usage.candidatesTokenCount;
  }
  return usage;
}

function errorBody(code, status, message, details) {
  const error = { code, message, status };
  if (details && details.length) error.details = details;
  return JSON.stringify({ error });
}

const STATUS_NAMES = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND', 408: 'DEADLINE_EXCEEDED', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL',
  502: 'UNAVAILABLE', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };

// → {status, headers, body} or {drop: true}
function answerFor(step, ctx) {
  if (step.drop) return { drop: true };
  if (step.raw) {
    return { status: step.raw.status ?? 200, headers: step.raw.headers ?? {}, body: step.raw.body ?? '' };
  }
  if (step.status !== undefined && step.status !== 200) {
    const headers = {};
    const details = [];
    if (step.retryAfter !== undefined) headers['retry-after'] = String(step.retryAfter);
    if (step.retryDelay !== undefined) {
      details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: step.retryDelay });
    }
    const status = STATUS_NAMES[step.status] ?? 'UNKNOWN';
    return { status: step.status, headers,
      body: errorBody(step.status, status, step.message ?? `fake-gemini scripted ${step.status} ${status}`, details) };
  }
  const response = { modelVersion: ctx.model, responseId: crypto.randomBytes(12).toString('base64url') };
  if (ctx.api === 'vertex') response.createTime = new Date().toISOString();
  if (step.blockReason) {
    response.promptFeedback = { blockReason: step.blockReason,
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' }] };
    response.usageMetadata = usageFor(ctx.body, ctx.gen, '');
    return { status: 200, headers: {}, body: JSON.stringify(response) };
  }
  if (step.finishReason && step.finishReason !== 'STOP') {
    response.candidates = [{ content: { role: 'model' }, finishReason: step.finishReason, index: 0,
      safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true }] }];
    response.usageMetadata = usageFor(ctx.body, ctx.gen, '');
    return { status: 200, headers: {}, body: JSON.stringify(response) };
  }
  let text;
  if (step.text !== undefined) text = String(step.text);
  else if (typeof step.ok === 'string') text = step.ok;
  else text = JSON.stringify(step.ok ?? DEFAULT_OUTPUT);
  response.candidates = [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }];
  response.usageMetadata = usageFor(ctx.body, ctx.gen, text);
  if (ctx.api === 'vertex') response.usageMetadata.trafficType = 'ON_DEMAND';
  return { status: 200, headers: {}, body: JSON.stringify(response) };
}

// ---------------------------------------------------------------- server
const DEV_PATH = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):generateContent$/;
const VERTEX_PATH = /^\/(v1|v1beta1)\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):generateContent$/;
const METADATA_TOKEN = '/computeMetadata/v1/instance/service-accounts/default/token';

export function createFakeGemini(options = {}) {
  const o = { ...parseArgs([]), ...options };
  const state = {
    queue: [], defaultStep: { ok: DEFAULT_OUTPUT }, requests: [],
    stats: { modelCalls: 0, answered: {}, inflight: 0, maxInflight: 0 },
  };
  const loadScript = (script) => {
    state.queue = [];
    for (const step of script.responses ?? []) enqueue(step);
    if (script.default) state.defaultStep = script.default;
  };
  const enqueue = (step) => {
    const n = Math.max(1, step.repeat ?? 1);
    for (let i = 0; i < n; i++) state.queue.push(step);
  };
  if (o.script) loadScript(o.script);

  const redact = (body) => {
    if (o.keepData || !isObject(body)) return body;
    const copy = JSON.parse(JSON.stringify(body));
    for (const c of Array.isArray(copy.contents) ? copy.contents : []) {
      for (const p of Array.isArray(c?.parts) ? c.parts : []) {
        const inline = p && get(p, 'inlineData');
        if (isObject(inline) && typeof inline.data === 'string') {
          inline.data = `<base64 ${inline.data.length} chars>`;
        }
      }
    }
    return copy;
  };

  const send = (res, status, body, headers = {}) => {
    state.stats.answered[status] = (state.stats.answered[status] ?? 0) + 1;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    res.end(body);
  };
  const sendJson = (res, status, value) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };

  async function handleControl(req, res, url, raw) {
    const body = raw.length ? JSON.parse(raw) : {};
    switch (`${req.method} ${url.pathname}`) {
      case 'POST /_fake/script': loadScript(body); return sendJson(res, 200, { queued: state.queue.length });
      case 'POST /_fake/enqueue': (Array.isArray(body) ? body : [body]).forEach(enqueue);
        return sendJson(res, 200, { queued: state.queue.length });
      case 'POST /_fake/config':
        if (body.latencyMs !== undefined) o.latencyMs = Number(body.latencyMs);
        if (body.apiKey !== undefined) o.apiKey = body.apiKey;
        if (body.token !== undefined) o.token = body.token;
        if (body.requireSchema !== undefined) o.requireSchema = Boolean(body.requireSchema);
        return sendJson(res, 200, { ok: true });
      case 'GET /_fake/requests': return sendJson(res, 200, state.requests);
      case 'GET /_fake/stats': return sendJson(res, 200, { ...state.stats, queued: state.queue.length });
      case 'POST /_fake/reset':
        state.requests = [];
        state.queue = [];
        state.defaultStep = { ok: DEFAULT_OUTPUT };
        state.stats = { modelCalls: 0, answered: {}, inflight: state.stats.inflight, maxInflight: 0 };
        return sendJson(res, 200, { ok: true });
      default: return sendJson(res, 404, { error: 'unknown control route' });
    }
  }

  function handleMetadata(req, res) {
    if (req.headers['metadata-flavor'] !== 'Google') {
      res.writeHead(403, { 'content-type': 'text/html' });
      return res.end('Missing required header: Metadata-Flavor');
    }
    res.writeHead(200, { 'content-type': 'application/json', 'metadata-flavor': 'Google' });
    res.end(JSON.stringify({ access_token: o.token ?? 'fake-access-token', expires_in: 3599, token_type: 'Bearer' }));
  }

  async function handleModel(req, res, url, raw) {
    const record = { time: new Date().toISOString(), method: req.method, path: url.pathname,
      headers: { ...req.headers }, status: 0 };
    state.requests.push(record);
    const fail = (e) => {
      record.status = e.code;
      send(res, e.code, errorBody(e.code, e.status, e.message, e.details));
    };
    try {
      let m;
      let ctx;
      if ((m = DEV_PATH.exec(url.pathname))) {
        ctx = { api: 'developer', version: m[1], model: decodeURIComponent(m[2]) };
      } else if ((m = VERTEX_PATH.exec(url.pathname))) {
        ctx = { api: 'vertex', version: m[1], project: m[2], location: m[3], model: decodeURIComponent(m[4]) };
      } else {
        throw new ApiError(404, 'NOT_FOUND', `fake-gemini: no route for ${req.method} ${url.pathname}`);
      }
      Object.assign(record, { api: ctx.api, model: ctx.model });
      if (req.method !== 'POST') throw new ApiError(404, 'NOT_FOUND', `Method ${req.method} not allowed for ${url.pathname}`);
      if (ctx.api === 'developer') {
        const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
        if (!key) {
          throw new ApiError(403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
        }
        if (o.apiKey !== null && key !== o.apiKey) {
          throw new ApiError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.',
            [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]);
        }
      } else {
        const auth = req.headers.authorization ?? '';
        const bearer = /^Bearer (.+)$/.exec(auth);
        if (!bearer || (o.token !== null && bearer[1] !== o.token)) {
          throw new ApiError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
        }
      }
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        throw invalid(`Invalid JSON payload received. Content-Type ${req.headers['content-type'] ?? '(none)'} is not application/json.`);
      }
      let body;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw invalid('Invalid JSON payload received. Unexpected token.');
      }
      record.body = redact(body);
      if (o.retired.includes(ctx.model)) {
        throw new ApiError(404, 'NOT_FOUND', `models/${ctx.model} is not found for API version ${ctx.version}, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`);
      }
      const gen = checkBody(body, o.requireSchema);
      ctx.body = body;
      ctx.gen = gen;
      state.stats.modelCalls++;
      const step = state.queue.length ? state.queue.shift() : state.defaultStep;
      const delay = (o.latencyMs || 0) + (step.delayMs || 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const answer = answerFor(step, ctx);
      if (answer.drop) {
        record.status = 'dropped';
        req.socket.destroy();
        return;
      }
      record.status = answer.status;
      send(res, answer.status, answer.body, answer.headers);
    } catch (e) {
      if (e instanceof ApiError) return fail(e);
      fail(new ApiError(500, 'INTERNAL', `fake-gemini internal error: ${e.message}`));
    }
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url, 'http://fake');
      state.stats.inflight++;
      state.stats.maxInflight = Math.max(state.stats.maxInflight, state.stats.inflight);
      try {
        if (url.pathname.startsWith('/_fake/')) await handleControl(req, res, url, raw);
        else if (url.pathname === METADATA_TOKEN && req.method === 'GET') handleMetadata(req, res);
        else await handleModel(req, res, url, raw);
      } catch (e) {
        if (!res.headersSent) sendJson(res, 400, { error: String(e.message) });
      } finally {
        state.stats.inflight--;
      }
    });
  });
  server.keepAliveTimeout = 65000;
  return { server, state, options: o };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fake-gemini: ${e.message}\n`);
    process.exit(2);
  }
  const { server } = createFakeGemini(options);
  server.listen(options.port, options.host, () => {
    process.stdout.write(`listening on ${server.address().port}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Connections kept alive by clients must not hold the process open on shutdown.
  process.on('SIGTERM', () => setTimeout(() => process.exit(0), 500).unref());
}
