// Talks to jae-ocr: GET config.json, POST /v1/extract (one document, with upload
// progress), POST /v1/check (the player check from result JSONs). A busy service (429,
// 503) or a dropped connection is retried automatically, after the server's Retry-After
// when it gives one. Nothing is stored: every answer lives in the page's memory only.

const API = new URL('../v1/', import.meta.url);
const MAX_ATTEMPTS = 8;

export class ApiError extends Error {
  constructor(kind, status, message) {
    super(message);
    this.kind = kind;      // 'too_large' | 'busy' | 'network' | 'refused'
    this.status = status;  // HTTP status, 0 when there was no answer
  }
}

export async function loadConfig() {
  const fallback = { image_max_side: 1536, max_image_bytes: 20 * 1024 * 1024 };
  try {
    const res = await fetch(new URL('config.json', import.meta.url), { cache: 'no-store' });
    if (!res.ok) return fallback;
    return { ...fallback, ...(await res.json()) };
  } catch {
    return fallback;
  }
}

function retryDelayMs(xhr, attempt) {
  const header = xhr && xhr.getResponseHeader('Retry-After');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.min(60, Math.max(0, seconds)) * 1000;
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.min(60000, Math.max(0, at - Date.now()));
  }
  return Math.min(30000, 1000 * 2 ** attempt);  // 1, 2, 4, 8... s
}

function sendOnce(url, form, onUploadProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'text';
    if (onUploadProgress) {
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) onUploadProgress(e.loaded / e.total); };
      xhr.upload.onload = () => onUploadProgress(1);
    }
    xhr.onload = () => resolve({ xhr, status: xhr.status });
    xhr.onerror = () => resolve({ xhr, status: 0 });
    xhr.ontimeout = () => resolve({ xhr, status: 0 });
    xhr.send(form);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Posts `makeForm()` (called again for each attempt) and returns the parsed JSON answer.
// hooks.onUploadProgress(fraction); hooks.onWait(kind, seconds) before each retry.
export async function postForm(path, makeForm, hooks = {}) {
  for (let attempt = 0; ; attempt++) {
    const { xhr, status } = await sendOnce(new URL(path, API), makeForm(), hooks.onUploadProgress);
    if (status === 200) {
      try {
        return JSON.parse(xhr.responseText);
      } catch {
        throw new ApiError('refused', status, 'Réponse illisible du service.');
      }
    }
    if (status === 413) throw new ApiError('too_large', status, 'Fichier trop volumineux pour le service.');
    const transient = status === 0 || status === 429 || status === 502 || status === 503 || status === 504;
    if (!transient) {
      let detail = '';
      try { detail = JSON.parse(xhr.responseText).error || ''; } catch { /* not JSON */ }
      throw new ApiError('refused', status, `Le service a refusé la demande (code ${status}${detail ? ` : ${detail}` : ''}).`);
    }
    const kind = status === 0 ? 'network' : 'busy';
    if (attempt + 1 >= MAX_ATTEMPTS) {
      throw new ApiError(kind, status, kind === 'network'
        ? 'Pas de connexion avec le service.' : 'Le service reste occupé.');
    }
    const delay = retryDelayMs(status === 0 ? null : xhr, attempt);
    if (hooks.onWait) hooks.onWait(kind, Math.ceil(delay / 1000));
    await sleep(delay);
  }
}

export function extract(blob, name, hooks) {
  return postForm('extract', () => {
    const form = new FormData();
    form.append('file', blob, name);
    return form;
  }, hooks);
}

// parts: [{result, name}] — result JSONs (possibly corrected by hand) and the names the
// check's sentences will quote; match: {date, min_age, max_age}.
export function check(parts, match, hooks) {
  return postForm('check', () => {
    const form = new FormData();
    for (const { result, name } of parts) {
      form.append('file', new Blob([JSON.stringify(result)], { type: 'application/json' }), name);
    }
    if (match.date) form.append('date', match.date);
    if (match.min_age !== '' && match.min_age != null) form.append('min_age', String(match.min_age));
    if (match.max_age !== '' && match.max_age != null) form.append('max_age', String(match.max_age));
    return form;
  }, hooks);
}
