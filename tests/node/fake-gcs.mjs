#!/usr/bin/env node
// fake-gcs.mjs — an in-memory Google Cloud Storage JSON API server for tests (no deps).
//
//   node tests/node/fake-gcs.mjs [--port N] [--host H] [--max-page-size N]
//
// Prints "listening on PORT" on stdout when ready (--port 0, the default, picks a free
// port). Stops on SIGTERM/SIGINT. Point clients at it with
//   STORAGE_EMULATOR_HOST=http://127.0.0.1:PORT     (jae-ocr, @google-cloud/storage, Python)
//   CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE=http://127.0.0.1:PORT/   (gcloud storage)
//
// Serves (buckets exist implicitly; one live version per object, like a bucket without
// versioning): object upload (uploadType=media, multipart — quoted, single-quoted or bare
// boundaries, CRLF or LF line ends — and resumable with Content-Range chunks and 308s),
// download (alt=media or /download/…, generation=, Range), metadata GET/PATCH, list
// (prefix, delimiter, pageToken, maxResults, startOffset, endOffset), delete, bucket GET.
// Paths work with and without the /storage/v1 root (the Node client drops it for emulators).
// Preconditions ifGenerationMatch / ifGenerationNotMatch / ifMetagenerationMatch /
// ifMetagenerationNotMatch answer 412 (304 for *NotMatch on reads) with GCS's error body;
// a missing object or generation is a GCS-shaped 404. Generations increase strictly
// (microseconds since the epoch, like GCS).
//
// Test controls (POST unless noted; answers JSON):
//   /_fake/fail?count=N&status=S[&match=TEXT]  the next N requests (whose URL contains TEXT)
//                                             answer S (default 503); S=0 drops the
//                                             connection; count=0 clears the queue
//   /_fake/down[?status=S]  every request answers S (default 503) until /_fake/up
//   /_fake/up               clears down mode and queued failures
//   /_fake/latency?ms=N     delays every answer by N ms
//   /_fake/reset            forgets objects, failures and the request log
//   GET /_fake/requests     the request log: [{method, url, authorization, contentType, bodyBytes}]
//   GET /_fake/objects      [{bucket, name, generation, size, contentType}]
// In-process use: import {startFakeGcs} from './gcs/fake-gcs-server.mjs'.
import {startFakeGcs} from './gcs/fake-gcs-server.mjs';

function parseArgs(argv) {
  const opts = {host: '127.0.0.1', port: 0, maxPageSize: 1000};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port') opts.port = Number(value());
    else if (flag === '--host') opts.host = value();
    else if (flag === '--max-page-size') opts.maxPageSize = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node fake-gcs.mjs [--port N] [--host H] [--max-page-size N]');
      process.exit(0);
    } else {
      console.error(`fake-gcs: unknown argument ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error('fake-gcs: --port must be 0..65535');
    process.exit(2);
  }
  if (!Number.isInteger(opts.maxPageSize) || opts.maxPageSize < 1) {
    console.error('fake-gcs: --max-page-size must be a positive integer');
    process.exit(2);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const running = await startFakeGcs(opts);
console.log(`listening on ${running.port}`);
const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
