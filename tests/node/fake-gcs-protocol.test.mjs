// fake-gcs.mjs at the wire level, for what the official clients do not exercise here:
// gcloud's multipart layout (single-quoted boundary, bare \n), the precondition matrix
// (412 / 304 / 404 like GCS), resumable status queries, list delimiter + paging, Range,
// error bodies, and the fault-injection controls.
import assert from 'node:assert/strict';

import {spawnFakeGcs} from './gcs/spawn-fake-gcs.mjs';

const gcs = await spawnFakeGcs(['--max-page-size', '3']);
process.on('exit', () => gcs.child.kill('SIGKILL'));
const api = `${gcs.url}/storage/v1/b/bkt/o`;
const upload = `${gcs.url}/upload/storage/v1/b/bkt/o`;
const enc = encodeURIComponent;

try {
  // gcloud-style multipart: boundary='…', LF line ends, metadata then media.
  const b = '===============1234567890123456789==';
  const body = `--${b}\ncontent-type: application/json\n\n{"name":"g/a.txt","contentType":"text/plain","metadata":{"k":"v"}}\n` +
               `--${b}\ncontent-type: text/plain\n\nline1\nline2\n\n--${b}--\n`;
  let r = await fetch(`${upload}?uploadType=multipart`, {method: 'POST', body,
    headers: {'content-type': `multipart/related; boundary='${b}'`}});
  assert.equal(r.status, 200);
  const a1 = await r.json();
  assert.equal(a1.name, 'g/a.txt');
  assert.equal(a1.size, String('line1\nline2\n'.length));
  assert.deepEqual(a1.metadata, {k: 'v'});
  assert.equal(typeof a1.generation, 'string');
  console.log('ok: multipart with a single-quoted boundary and bare LF');

  // Preconditions, as GCS answers them.
  const gen = a1.generation;
  const status = async (url, init) => (await fetch(url, init)).status;
  assert.equal(await status(`${upload}?uploadType=media&name=g%2Fa.txt&ifGenerationMatch=0`, {method: 'POST', body: 'x'}), 412);
  assert.equal(await status(`${upload}?uploadType=media&name=g%2Fa.txt&ifGenerationMatch=1`, {method: 'POST', body: 'x'}), 412);
  assert.equal(await status(`${upload}?uploadType=media&name=g%2Fnew&ifGenerationMatch=5`, {method: 'POST', body: 'x'}), 412);
  assert.equal(await status(`${upload}?uploadType=media&name=g%2Fa.txt&ifMetagenerationMatch=2`, {method: 'POST', body: 'x'}), 412);
  assert.equal(await status(`${api}/g%2Fa.txt?ifGenerationNotMatch=${gen}`), 304);
  assert.equal(await status(`${api}/g%2Fa.txt?ifGenerationMatch=${gen}`), 200);
  assert.equal(await status(`${api}/g%2Fa.txt?ifGenerationMatch=1`), 412);
  assert.equal(await status(`${api}/g%2Fa.txt?generation=1`), 404);
  assert.equal(await status(`${api}/g%2Fa.txt?ifGenerationMatch=abc`), 400);
  assert.equal(await status(`${api}/g%2Fa.txt?ifGenerationMatch=1`, {method: 'DELETE'}), 412);
  r = await fetch(`${upload}?uploadType=media&name=g%2Fa.txt&ifGenerationMatch=0`, {method: 'POST', body: 'x'});
  const err = await r.json();
  assert.equal(err.error.code, 412);
  assert.equal(err.error.errors[0].reason, 'conditionNotMet');
  r = await fetch(`${upload}?uploadType=media&name=g%2Fa.txt&ifGenerationMatch=${gen}`, {method: 'POST', body: 'v2'});
  const a2 = await r.json();
  assert.ok(BigInt(a2.generation) > BigInt(gen));
  const missing = await (await fetch(`${api}/nope`)).json();
  assert.deepEqual(missing.error.errors[0], {message: 'No such object: bkt/nope', domain: 'global', reason: 'notFound'});
  console.log('ok: precondition matrix (412, 304, 404, 400) and GCS error bodies');

  // Resumable: start, two chunks with a status query between, then the object.
  r = await fetch(`${upload}?uploadType=resumable&name=${enc('r/big.bin')}&ifGenerationMatch=0`, {
    method: 'POST', body: '{}', headers: {'content-type': 'application/json', 'x-upload-content-type': 'application/pdf'}});
  assert.equal(r.status, 200);
  const session = r.headers.get('location');
  assert.match(session, /upload_id=/);
  const data = Buffer.alloc(1000, 7);
  r = await fetch(session, {method: 'PUT', body: data.subarray(0, 600), headers: {'content-range': 'bytes 0-599/*'}});
  assert.equal(r.status, 308);
  assert.equal(r.headers.get('range'), 'bytes=0-599');
  r = await fetch(session, {method: 'PUT', body: '', headers: {'content-range': 'bytes */*'}});
  assert.equal(r.status, 308);
  assert.equal(r.headers.get('range'), 'bytes=0-599');
  r = await fetch(session, {method: 'PUT', body: data.subarray(600), headers: {'content-range': 'bytes 600-999/1000'}});
  assert.equal(r.status, 200);
  const big = await r.json();
  assert.equal(big.size, '1000');
  assert.equal(big.contentType, 'application/pdf');
  console.log('ok: resumable upload with 308s and a status query');

  // Range downloads, headers.
  r = await fetch(`${api}/r%2Fbig.bin?alt=media`, {headers: {range: 'bytes=10-19'}});
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), 'bytes 10-19/1000');
  assert.equal((await r.arrayBuffer()).byteLength, 10);
  r = await fetch(`${gcs.url}/download/storage/v1/b/bkt/o/r%2Fbig.bin?alt=media&generation=${big.generation}`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('x-goog-generation'), big.generation);
  assert.match(r.headers.get('x-goog-hash'), /^crc32c=.+,md5=.+$/);
  console.log('ok: Range and /download paths');

  // Listing: delimiter, prefixes, paging (page size capped at 3 by the CLI flag).
  for (const n of ['l/a', 'l/b', 'l/c/1', 'l/c/2', 'l/d', 'l/e']) {
    await fetch(`${upload}?uploadType=media&name=${enc(n)}`, {method: 'POST', body: n});
  }
  let page = await (await fetch(`${api}?prefix=l%2F&delimiter=%2F`)).json();
  assert.deepEqual(page.items.map((o) => o.name), ['l/a', 'l/b']);
  assert.deepEqual(page.prefixes, ['l/c/']);
  page = await (await fetch(`${api}?prefix=l%2F&delimiter=%2F&pageToken=${page.nextPageToken}`)).json();
  assert.deepEqual(page.items.map((o) => o.name), ['l/d', 'l/e']);
  assert.equal(page.nextPageToken, undefined);
  page = await (await fetch(`${api}?prefix=zzz`)).json();
  assert.deepEqual(page, {kind: 'storage#objects'});
  console.log('ok: list with delimiter, prefixes and page tokens');

  // Fault injection.
  await gcs.control('fail?count=2&status=429&match=alt%3Dmedia');
  assert.equal(await status(`${api}/l%2Fa`), 200);  // does not match
  assert.equal(await status(`${api}/l%2Fa?alt=media`), 429);
  assert.equal(await status(`${api}/l%2Fa?alt=media`), 429);
  assert.equal(await status(`${api}/l%2Fa?alt=media`), 200);
  await gcs.control('down');
  assert.equal(await status(`${api}/l%2Fa`), 503);
  await gcs.control('up');
  await gcs.control('fail?count=1&status=0');
  await assert.rejects(fetch(`${api}/l%2Fa`));  // dropped connection
  assert.equal(await status(`${api}/l%2Fa`), 200);
  console.log('ok: fault injection (status, match, down/up, dropped connection)');

  // Deletes.
  assert.equal(await status(`${api}/l%2Fa`, {method: 'DELETE'}), 204);
  assert.equal(await status(`${api}/l%2Fa`, {method: 'DELETE'}), 404);
  console.log('ok: delete');
} finally {
  await gcs.stop();
}
