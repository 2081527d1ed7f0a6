// An in-memory Cloud Storage JSON API server for tests: the subset that jae-ocr, the
// official Node client (@google-cloud/storage) and `gcloud storage` use, with GCS's
// status codes, error bodies and precondition semantics (a bucket without versioning).
// The CLI wrapper is ../fake-gcs.mjs (its header documents the controls).
import crypto from 'node:crypto';
import http from 'node:http';

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

// base64 of the big-endian CRC32C, as GCS reports it.
export function crc32cBase64(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC32C_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

const md5Base64 = (buf) => crypto.createHash('md5').update(buf).digest('base64');
// Object names percent-encoded like py-storage's quote(name, safe="~").
const encodeName = (name) =>
  encodeURIComponent(name).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const compareNames = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

class HttpError extends Error {
  constructor(code, message, reason, extra = {}) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.extra = extra;
  }
}

const notFound = (bucket, name) =>
  new HttpError(404, `No such object: ${bucket}/${name}`, 'notFound');
const preconditionFailed = () =>
  new HttpError(412, 'At least one of the pre-conditions you specified did not hold.',
                'conditionNotMet', {locationType: 'header', location: 'If-Match'});
const badRequest = (message, reason = 'invalid') => new HttpError(400, message, reason);

function errorBody(code, message, reason, extra = {}) {
  return {error: {code, message, errors: [{message, domain: 'global', reason, ...extra}]}};
}

const TRANSIENT_MESSAGES = {
  408: 'Request Timeout', 429: 'The rate of change requests to the object is too high.',
  500: 'Internal Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function validateName(name) {
  if (name === undefined || name === null || name === '') throw badRequest('Required', 'required');
  if (Buffer.byteLength(name) > 1024) throw badRequest('The object name is too long.');
  if (/[\r\n]/.test(name)) throw badRequest('Object name contains invalid characters.');
  if (name === '.' || name === '..') throw badRequest('Object name is invalid.');
}

function int64Param(q, key) {
  const v = q.get(key);
  if (v === null) return undefined;
  if (!/^-?\d+$/.test(v)) throw badRequest(`Invalid argument: ${key}=${v}`);
  return BigInt(v);
}

// Splits a multipart/related body into parts {headers, body}. Accepts CRLF or bare LF line
// ends and quoted/single-quoted/bare boundaries (gcloud sends boundary='…' and \n).
export function parseMultipart(contentType, body) {
  const m = /boundary=(?:"([^"]+)"|'([^']+)'|([^;\s]+))/i.exec(contentType || '');
  if (!m) throw badRequest('Missing multipart boundary');
  const delimiter = Buffer.from('--' + (m[1] ?? m[2] ?? m[3]));
  const parts = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest('Malformed multipart body');
  while (true) {
    pos += delimiter.length;
    if (body.slice(pos, pos + 2).toString() === '--') break;  // closing delimiter
    // Skip the line end after the delimiter.
    if (body[pos] === 0x0d) pos++;
    if (body[pos] === 0x0a) pos++;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw badRequest('Malformed multipart body: no closing boundary');
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    const part = body.slice(pos, Math.max(pos, end));
    let split = part.indexOf('\r\n\r\n');
    let sepLen = 4;
    const lf = part.indexOf('\n\n');
    if (split < 0 || (lf >= 0 && lf < split)) {
      split = lf;
      sepLen = 2;
    }
    const headers = {};
    let content;
    if (split < 0) {
      content = Buffer.alloc(0);
      for (const line of part.toString('latin1').split(/\r?\n/)) addHeader(headers, line);
    } else {
      for (const line of part.slice(0, split).toString('latin1').split(/\r?\n/)) {
        addHeader(headers, line);
      }
      content = part.slice(split + sepLen);
    }
    parts.push({headers, body: content});
    pos = next;
  }
  return parts;
}

function addHeader(headers, line) {
  const colon = line.indexOf(':');
  if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
}

const WRITABLE_FIELDS = ['cacheControl', 'contentDisposition', 'contentEncoding', 'contentLanguage',
                         'customTime'];

export class FakeGcs {
  constructor({maxPageSize = 1000} = {}) {
    this.maxPageSize = maxPageSize;
    this.reset();
  }

  reset() {
    this.objects = new Map();   // `${bucket}\n${name}` → object
    this.buckets = new Set();
    this.sessions = new Map();  // resumable upload id → session
    this.lastGeneration = 0n;
    this.faults = {down: 0, queue: []};
    this.latencyMs = 0;
    this.log = [];
  }

  nextGeneration() {
    const now = BigInt(Date.now()) * 1000n;
    this.lastGeneration = now > this.lastGeneration ? now : this.lastGeneration + 1n;
    return this.lastGeneration;
  }

  key(bucket, name) { return `${bucket}\n${name}`; }

  resource(obj, base) {
    const out = {
      kind: 'storage#object',
      id: `${obj.bucket}/${obj.name}/${obj.generation}`,
      selfLink: `${base}/storage/v1/b/${obj.bucket}/o/${encodeName(obj.name)}`,
      mediaLink: `${base}/download/storage/v1/b/${obj.bucket}/o/${encodeName(obj.name)}` +
                 `?generation=${obj.generation}&alt=media`,
      name: obj.name,
      bucket: obj.bucket,
      generation: String(obj.generation),
      metageneration: String(obj.metageneration),
      contentType: obj.contentType,
      storageClass: 'STANDARD',
      size: String(obj.data.length),
      md5Hash: obj.md5Hash,
      crc32c: obj.crc32c,
      etag: Buffer.from(`${obj.generation}/${obj.metageneration}`).toString('base64'),
      timeCreated: obj.timeCreated,
      updated: obj.updated,
      timeStorageClassUpdated: obj.timeCreated,
    };
    for (const f of WRITABLE_FIELDS) if (obj[f] !== undefined) out[f] = obj[f];
    if (obj.metadata && Object.keys(obj.metadata).length) out.metadata = obj.metadata;
    return out;
  }

  // GCS precondition semantics. `forWrite`: failures are 412; for reads a *NotMatch that
  // matches is 304 Not Modified.
  checkPreconditions(obj, q, forWrite) {
    const ifGen = int64Param(q, 'ifGenerationMatch');
    const ifGenNot = int64Param(q, 'ifGenerationNotMatch');
    const ifMeta = int64Param(q, 'ifMetagenerationMatch');
    const ifMetaNot = int64Param(q, 'ifMetagenerationNotMatch');
    const gen = obj ? obj.generation : 0n;  // "0" = no live object
    if (ifGen !== undefined && ifGen !== gen) throw preconditionFailed();
    if (ifMeta !== undefined && (!obj || ifMeta !== obj.metageneration)) throw preconditionFailed();
    const notModified = forWrite ? preconditionFailed() : new HttpError(304, 'Not Modified', 'notModified');
    if (ifGenNot !== undefined && ifGenNot === gen) throw notModified;
    if (ifMetaNot !== undefined && obj && ifMetaNot === obj.metageneration) throw notModified;
  }

  // The live object, pinned to `generation=` when given (404 otherwise, as without versioning).
  lookup(bucket, name, q) {
    const obj = this.objects.get(this.key(bucket, name));
    const pinned = int64Param(q, 'generation');
    if (!obj || (pinned !== undefined && pinned !== obj.generation)) throw notFound(bucket, name);
    return obj;
  }

  commit(bucket, name, data, meta, q) {
    validateName(name);
    const current = this.objects.get(this.key(bucket, name));
    this.checkPreconditions(current, q, true);
    const now = new Date().toISOString();
    const obj = {
      bucket, name, data,
      generation: this.nextGeneration(),
      metageneration: 1n,
      contentType: meta.contentType || 'application/octet-stream',
      metadata: meta.metadata ? {...meta.metadata} : undefined,
      md5Hash: md5Base64(data),
      crc32c: crc32cBase64(data),
      timeCreated: now,
      updated: now,
    };
    for (const f of WRITABLE_FIELDS) if (meta[f] !== undefined) obj[f] = meta[f];
    if (meta.crc32c && meta.crc32c !== obj.crc32c) {
      throw badRequest('Provided CRC32C "' + meta.crc32c + '" doesn\'t match calculated CRC32C "' + obj.crc32c + '".');
    }
    if (meta.md5Hash && meta.md5Hash !== obj.md5Hash) {
      throw badRequest('Provided MD5 hash "' + meta.md5Hash + '" doesn\'t match calculated MD5 hash "' + obj.md5Hash + '".');
    }
    this.buckets.add(bucket);
    this.objects.set(this.key(bucket, name), obj);
    return obj;
  }

  list(bucket, q, base) {
    const prefix = q.get('prefix') || '';
    const delimiter = q.get('delimiter') || '';
    const startOffset = q.get('startOffset') || '';
    const endOffset = q.get('endOffset') || '';
    const includeTrailing = q.get('includeTrailingDelimiter') === 'true';
    let maxResults = Number(q.get('maxResults') || 1000);
    if (!Number.isInteger(maxResults) || maxResults < 1) maxResults = 1000;
    maxResults = Math.min(maxResults, 1000, this.maxPageSize);
    const after = q.get('pageToken') ? Buffer.from(q.get('pageToken'), 'base64url').toString() : null;

    const entries = new Map();  // key → {obj} | {prefix}
    for (const obj of this.objects.values()) {
      if (obj.bucket !== bucket || !obj.name.startsWith(prefix)) continue;
      if (startOffset && compareNames(obj.name, startOffset) < 0) continue;
      if (endOffset && compareNames(obj.name, endOffset) >= 0) continue;
      if (delimiter) {
        const i = obj.name.indexOf(delimiter, prefix.length);
        if (i >= 0) {
          const p = obj.name.slice(0, i + delimiter.length);
          entries.set(p, {prefix: p});
          if (!(includeTrailing && p === obj.name)) continue;
          entries.set(p + '\u0000obj', {obj});
          continue;
        }
      }
      entries.set(obj.name, {obj});
    }
    const keys = [...entries.keys()].sort(compareNames)
                     .filter((k) => after === null || compareNames(k, after) > 0);
    const page = keys.slice(0, maxResults);
    const out = {kind: 'storage#objects'};
    const items = page.filter((k) => entries.get(k).obj).map((k) => this.resource(entries.get(k).obj, base));
    const prefixes = page.filter((k) => entries.get(k).prefix).map((k) => entries.get(k).prefix);
    if (prefixes.length) out.prefixes = prefixes;
    if (items.length) out.items = items;
    if (keys.length > page.length) out.nextPageToken = Buffer.from(page[page.length - 1]).toString('base64url');
    return out;
  }

  bucketResource(bucket) {
    return {
      kind: 'storage#bucket', id: bucket, name: bucket, projectNumber: '123456789',
      metageneration: '1', location: 'US', locationType: 'multi-region', storageClass: 'STANDARD',
      etag: 'CAE=', timeCreated: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z',
      selfLink: `/storage/v1/b/${bucket}`,
    };
  }

  // Fault injection: a queued failure for this request, or the "down" status.
  takeFault(req) {
    if (this.faults.down) return this.faults.down;
    const i = this.faults.queue.findIndex((f) => !f.match || req.url.includes(f.match));
    if (i < 0) return null;
    const fault = this.faults.queue[i];
    if (--fault.count <= 0) this.faults.queue.splice(i, 1);
    return fault.status;
  }

  control(action, q, res) {
    const send = (obj) => {
      res.writeHead(200, {'content-type': 'application/json'});
      res.end(JSON.stringify(obj));
    };
    switch (action) {
      case 'fail': {  // next `count` requests (matching `match`) answer `status`; 0 = drop
        const count = Number(q.get('count') || 1);
        const status = Number(q.get('status') ?? 503);
        if (count <= 0) this.faults.queue = [];
        else this.faults.queue.push({count, status, match: q.get('match') || ''});
        return send({queued: this.faults.queue});
      }
      case 'down': this.faults.down = Number(q.get('status') || 503); return send({down: this.faults.down});
      case 'up': this.faults = {down: 0, queue: []}; return send({down: 0});
      case 'latency': this.latencyMs = Number(q.get('ms') || 0); return send({latencyMs: this.latencyMs});
      case 'reset': this.reset(); return send({reset: true});
      case 'requests': return send(this.log);
      case 'objects':
        return send([...this.objects.values()].map((o) => ({
          bucket: o.bucket, name: o.name, generation: String(o.generation), size: o.data.length,
          contentType: o.contentType,
        })));
      default:
        res.writeHead(404, {'content-type': 'application/json'});
        return res.end(JSON.stringify({error: 'unknown control ' + action}));
    }
  }

  async handle(req, res) {
    const [rawPath, rawQuery = ''] = req.url.split(/\?(.*)/s);
    const q = new URLSearchParams(rawQuery);
    const base = `http://${req.headers.host}`;
    const body = await readBody(req);
    if (rawPath.startsWith('/_fake/')) return this.control(rawPath.slice(7), q, res);
    this.log.push({
      method: req.method, url: req.url, authorization: req.headers.authorization ?? null,
      contentType: req.headers['content-type'] ?? null, bodyBytes: body.length,
    });
    if (this.log.length > 5000) this.log.shift();
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const fault = this.takeFault(req);
    if (fault !== null) {
      if (fault === 0) return req.socket.destroy();
      const message = TRANSIENT_MESSAGES[fault] || 'Injected failure';
      return this.json(res, fault, errorBody(fault, message, 'backendError'));
    }
    try {
      await this.route(req, res, rawPath, q, body, base);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      if (e.code === 304) {
        res.writeHead(304);
        return res.end();
      }
      this.json(res, e.code, errorBody(e.code, e.message, e.reason, e.extra));
    }
  }

  json(res, status, obj, headers = {}) {
    const text = JSON.stringify(obj);
    res.writeHead(status, {'content-type': 'application/json; charset=UTF-8',
                           'content-length': Buffer.byteLength(text), ...headers});
    res.end(text);
  }

  async route(req, res, path, q, body, base) {
    const decode = (s) => {
      try { return decodeURIComponent(s); } catch { throw badRequest('Invalid URL encoding'); }
    };
    let m;
    const method = req.method;
    if ((m = /^\/upload\/storage\/v1\/b\/([^/]+)\/o\/?$/.exec(path))) {
      return this.upload(req, res, decode(m[1]), q, body, base);
    }
    if ((m = /^\/download\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(path)) && method === 'GET') {
      return this.download(req, res, decode(m[1]), decode(m[2]), q);
    }
    const api = path.replace(/^\/storage\/v1(?=\/)/, '');  // the Node client omits it for emulators
    if ((m = /^\/b\/?$/.exec(api))) {
      if (method === 'GET') {
        return this.json(res, 200, {kind: 'storage#buckets', items: [...this.buckets].sort().map((b) => this.bucketResource(b))});
      }
      if (method === 'POST') {
        const meta = body.length ? JSON.parse(body.toString()) : {};
        if (!meta.name) throw badRequest('Required', 'required');
        if (this.buckets.has(meta.name)) {
          throw new HttpError(409, 'Your previous request to create the named bucket succeeded and you already own it.', 'conflict');
        }
        this.buckets.add(meta.name);
        return this.json(res, 200, this.bucketResource(meta.name));
      }
    }
    if ((m = /^\/b\/([^/]+)\/?$/.exec(api))) {
      const bucket = decode(m[1]);
      if (method === 'GET') return this.json(res, 200, this.bucketResource(bucket));
      if (method === 'DELETE') { this.buckets.delete(bucket); res.writeHead(204); return res.end(); }
    }
    if ((m = /^\/b\/([^/]+)\/o\/?$/.exec(api)) && method === 'GET') {
      return this.json(res, 200, this.list(decode(m[1]), q, base));
    }
    if ((m = /^\/b\/([^/]+)\/o\/(.+)$/.exec(api))) {
      const bucket = decode(m[1]);
      const name = decode(m[2]);
      if (method === 'GET' || method === 'HEAD') {
        if (q.get('alt') === 'media') return this.download(req, res, bucket, name, q);
        const obj = this.lookup(bucket, name, q);
        this.checkPreconditions(obj, q, false);
        return this.json(res, 200, this.resource(obj, base));
      }
      if (method === 'DELETE') {
        const obj = this.lookup(bucket, name, q);
        this.checkPreconditions(obj, q, true);
        this.objects.delete(this.key(bucket, name));
        res.writeHead(204);
        return res.end();
      }
      if (method === 'PATCH' || method === 'PUT') {
        const obj = this.lookup(bucket, name, q);
        this.checkPreconditions(obj, q, true);
        const patch = body.length ? JSON.parse(body.toString()) : {};
        if (patch.contentType !== undefined) obj.contentType = patch.contentType || 'application/octet-stream';
        for (const f of WRITABLE_FIELDS) if (patch[f] !== undefined) obj[f] = patch[f] ?? undefined;
        if (patch.metadata !== undefined) {
          obj.metadata = method === 'PUT' ? {} : {...(obj.metadata || {})};
          for (const [k, v] of Object.entries(patch.metadata || {})) {
            if (v === null) delete obj.metadata[k]; else obj.metadata[k] = String(v);
          }
        }
        obj.metageneration += 1n;
        obj.updated = new Date().toISOString();
        return this.json(res, 200, this.resource(obj, base));
      }
    }
    if (path.startsWith('/batch/')) {
      throw new HttpError(501, 'Batch requests are not supported by this fake', 'notImplemented');
    }
    throw new HttpError(404, `Not Found: ${method} ${path}`, 'notFound');
  }

  download(req, res, bucket, name, q) {
    const obj = this.lookup(bucket, name, q);
    this.checkPreconditions(obj, q, false);
    const headers = {
      'content-type': obj.contentType,
      'x-goog-generation': String(obj.generation),
      'x-goog-metageneration': String(obj.metageneration),
      'x-goog-stored-content-length': String(obj.data.length),
      'x-goog-stored-content-encoding': obj.contentEncoding || 'identity',
      'x-goog-hash': `crc32c=${obj.crc32c},md5=${obj.md5Hash}`,
      'etag': `"${Buffer.from(obj.md5Hash, 'base64').toString('hex')}"`,
      'accept-ranges': 'bytes',
      'last-modified': new Date(obj.updated).toUTCString(),
    };
    if (obj.contentEncoding) headers['content-encoding'] = obj.contentEncoding;
    let data = obj.data;
    let status = 200;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
    if (range && (range[1] !== '' || range[2] !== '')) {
      const size = data.length;
      let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
      let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
      if (start >= size && size > 0) {
        throw new HttpError(416, 'The requested range cannot be satisfied.', 'requestedRangeNotSatisfiable');
      }
      if (size > 0) {
        data = data.slice(start, end + 1);
        status = 206;
        headers['content-range'] = `bytes ${start}-${end}/${size}`;
      }
    }
    headers['content-length'] = String(data.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  async upload(req, res, bucket, q, body, base) {
    const type = q.get('uploadType');
    const uploadId = q.get('upload_id');
    if (uploadId !== null) return this.resumableChunk(req, res, uploadId, body, base);
    if (req.method !== 'POST') throw badRequest('Uploads are POST requests');
    if (type === 'media') {
      const obj = this.commit(bucket, q.get('name'), body,
                              {contentType: req.headers['content-type'], contentEncoding: q.get('contentEncoding') ?? undefined}, q);
      return this.json(res, 200, this.resource(obj, base));
    }
    if (type === 'multipart') {
      const parts = parseMultipart(req.headers['content-type'], body);
      if (parts.length !== 2) throw badRequest(`A multipart upload has 2 parts, not ${parts.length}`);
      let meta;
      try { meta = JSON.parse(parts[0].body.toString() || '{}'); } catch { throw badRequest('Metadata part is not JSON', 'parseError'); }
      if (!meta.contentType && parts[1].headers['content-type']) meta.contentType = parts[1].headers['content-type'];
      const obj = this.commit(bucket, meta.name ?? q.get('name'), parts[1].body, meta, q);
      return this.json(res, 200, this.resource(obj, base));
    }
    if (type === 'resumable') {
      let meta = {};
      if (body.length) {
        try { meta = JSON.parse(body.toString()); } catch { throw badRequest('Metadata is not JSON', 'parseError'); }
      }
      if (!meta.contentType && req.headers['x-upload-content-type']) meta.contentType = req.headers['x-upload-content-type'];
      const name = meta.name ?? q.get('name');
      validateName(name);
      // GCS checks preconditions when the session starts, and again when it completes.
      this.checkPreconditions(this.objects.get(this.key(bucket, name)), q, true);
      const id = crypto.randomBytes(16).toString('hex');
      const preconditions = new URLSearchParams();
      for (const k of ['ifGenerationMatch', 'ifGenerationNotMatch', 'ifMetagenerationMatch', 'ifMetagenerationNotMatch']) {
        if (q.get(k) !== null) preconditions.set(k, q.get(k));
      }
      this.sessions.set(id, {bucket, name, meta, preconditions, chunks: [], received: 0, done: null});
      const location = `${base}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=resumable` +
                       `&name=${encodeName(name)}&upload_id=${id}`;
      res.writeHead(200, {location, 'x-guploader-uploadid': id, 'content-length': '0'});
      return res.end();
    }
    throw badRequest(`Unsupported uploadType: ${type}`);
  }

  resumableChunk(req, res, id, body, base) {
    const s = this.sessions.get(id);
    if (!s) throw new HttpError(404, 'No such upload session', 'notFound');
    if (req.method === 'DELETE') {
      this.sessions.delete(id);
      res.writeHead(499);
      return res.end();
    }
    if (s.done) return this.json(res, 200, this.resource(s.done, base));
    const range = (req.headers['content-range'] || '').trim();
    let m;
    let total = null;
    if ((m = /^bytes \*\/(\d+|\*)$/.exec(range))) {  // status query (or "all sent, total N")
      if (m[1] !== '*') total = Number(m[1]);
    } else if ((m = /^bytes (\d+)-(\d+|\*)\/(\d+|\*)$/.exec(range))) {
      const start = Number(m[1]);
      if (start > s.received) throw badRequest('Invalid request: gap in the upload');
      const fresh = body.slice(s.received - start);  // drop bytes already received
      s.chunks.push(fresh);
      s.received += fresh.length;
      if (m[3] !== '*') total = Number(m[3]);
      else if (m[2] === '*') total = s.received;  // "the rest of the object": this was the last request
    } else if (range === '') {  // a single request with the whole object
      s.chunks.push(body);
      s.received += body.length;
      total = s.received;
    } else {
      throw badRequest(`Invalid Content-Range: ${range}`);
    }
    if (total !== null && total === s.received) {
      const data = Buffer.concat(s.chunks);
      s.chunks = [];
      const obj = this.commit(s.bucket, s.name, data, s.meta, s.preconditions);
      s.done = obj;
      return this.json(res, 200, this.resource(obj, base));
    }
    const headers = {'content-length': '0'};
    if (s.received > 0) headers.range = `bytes=0-${s.received - 1}`;
    res.writeHead(308, headers);
    res.end();
  }
}

// Starts a server; resolves to {fake, server, port, url, close()}.
export async function startFakeGcs({host = '127.0.0.1', port = 0, maxPageSize = 1000} = {}) {
  const fake = new FakeGcs({maxPageSize});
  const server = http.createServer((req, res) => {
    fake.handle(req, res).catch((e) => {
      if (!res.headersSent) {
        res.writeHead(500, {'content-type': 'application/json'});
        res.end(JSON.stringify(errorBody(500, 'fake-gcs internal error: ' + e.message, 'backendError')));
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return {
    fake, server, port: actual, url: `http://${host}:${actual}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
