// Answers one app:// request from the built renderer on disk: the file resolveAppFile names, with
// the loopback host's security headers, or a short refusal. Uses only node:fs and the web
// Response, so it is tested in plain Node; app-protocol.ts hands it Electron's requests.
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { logger } from '../node/log/logger.ts';
import { resolveAppFile, SECURITY_HEADERS } from './app-files.ts';

const text = (status: number, body: string): Response =>
  new Response(body, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });

export async function respondToAppRequest(
  request: { url: string; method: string },
  rendererDir: string,
): Promise<Response> {
  const target = resolveAppFile(request.url, rendererDir, request.method);
  if (!target.ok) return text(target.status, 'Not available.');
  try {
    const info = await stat(target.file).catch(() => null);
    if (!info?.isFile()) {
      const built = await stat(join(rendererDir, 'index.html')).catch(() => null);
      return built
        ? text(404, 'Not found.')
        : text(503, 'The workbench UI is not built yet. Run "bash scripts/setup.sh", then start again.');
    }
    // A symbolic link inside out/renderer must not lead outside it.
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(target.file)]);
    const rel = relative(root, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return text(403, 'Not available.');
    const body = request.method === 'HEAD' ? null : await readFile(real);
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': target.contentType,
        'Cache-Control': target.cacheControl,
      },
    });
  } catch (err) {
    logger('app-protocol').error({ err, url: request.url }, 'app://: could not serve');
    return text(500, 'Something went wrong on this desk.');
  }
}
