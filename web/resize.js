// Prepares a photo for upload on the phone itself: decoded, turned upright from its EXIF
// orientation, re-encoded as JPEG with its long side at IMAGE_MAX_SIDE — the size the
// server would bring it to anyway. A 12 MP photo (3–5 MB) becomes ~0.2–0.4 MB: seconds
// instead of half a minute on a club's weak 4G uplink, and no decoding of 12 MP on the
// server. PDFs, and images the browser cannot decode (HEIC on most browsers), go as they
// are: the server reads those itself.

const JPEG_QUALITY = 0.9;

export function isPdf(file) {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

export function isAcceptable(file) {
  return isPdf(file) || file.type.startsWith('image/') ||
    (file.type === '' && /\.(jpe?g|png|webp|heic|heif|tiff?|bmp|gif)$/i.test(file.name));
}

function baseName(name) {
  return (name || 'photo').replace(/\.[^.]*$/, '');
}

async function encode(bitmap, width, height) {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob(
    (b) => (b ? resolve(b) : reject(new Error('encodage JPEG impossible'))), 'image/jpeg', JPEG_QUALITY));
}

// Returns { blob, name, resized, width, height }. maxSide 0 or less: send the original
// (the server's own limit then applies).
export async function prepareUpload(file, maxSide) {
  const original = { blob: file, name: file.name || 'document', resized: false };
  if (isPdf(file) || !(maxSide > 0)) return original;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return original;  // not decodable here: the server will say what it is
  }
  try {
    const { width, height } = bitmap;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    // A small JPEG is sent untouched: re-encoding would only lose quality. (Its EXIF
    // orientation is applied by the server.)
    if (scale === 1 && file.type === 'image/jpeg') return { ...original, width, height };
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const blob = await encode(bitmap, w, h);
    return { blob, name: `${baseName(file.name)}.jpg`, resized: true, width: w, height: h };
  } finally {
    bitmap.close();
  }
}
