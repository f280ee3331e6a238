// What app://workbench/<path> means on disk: a file inside the built renderer (out/renderer), or
// a refusal. Pure (no electron, no file access) so path traversal is tested in plain Node; the
// protocol handler in app-protocol.ts reads the file this names.
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url.ts';

/**
 * The same policy as the loopback host (src-main/host/server.ts), so the UI behaves the same
 * in both transports. Keep the two identical; tests/unit/electron-app-files.test.ts compares them.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers on every app:// response, as the loopback host sends them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const mimeTypeOf = (file: string): string =>
  MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

export type AppFile =
  | { ok: true; file: string; contentType: string; cacheControl: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

const refuse = (status: 400 | 403 | 404 | 405, reason: string): AppFile => ({ ok: false, status, reason });

/**
 * Maps a request URL to a file under `rendererDir` (an absolute path). Refuses other hosts,
 * methods other than GET/HEAD, encoded slashes, backslashes, NUL, "..", hidden files, and
 * anything that would resolve outside `rendererDir`. "/" and directories mean their index.html.
 */
export function resolveAppFile(url: string, rendererDir: string, method = 'GET'): AppFile {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'only GET and HEAD are served');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.host !== APP_HOST ||
    parsed.username ||
    parsed.password
  ) {
    return refuse(403, `only ${APP_SCHEME}://${APP_HOST} is served`);
  }
  const raw = parsed.pathname;
  // An encoded separator or NUL would survive URL normalisation and only appear after decoding.
  if (/%(2f|5c|00)/i.test(raw)) return refuse(400, 'encoded separators are not allowed');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (decoded.includes('\\') || decoded.includes('\0'))
    return refuse(400, 'backslashes and NUL are not allowed');
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return refuse(403, 'parent directory references are not allowed');
  if (segments.some((s) => s.startsWith('.'))) return refuse(404, 'hidden files are not served');
  if (decoded.endsWith('/') || segments.length === 0) segments.push('index.html');

  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    return refuse(403, 'outside the renderer directory');
  return {
    ok: true,
    file,
    contentType: mimeTypeOf(file),
    // index.html is never cached so an update takes effect; the hashed assets may be.
    cacheControl: extname(file).toLowerCase() === '.html' ? 'no-store' : 'private, max-age=3600',
  };
}
