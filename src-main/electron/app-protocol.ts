// The app:// scheme: the built renderer served from disk with the loopback host's security
// headers, instead of file:// (which would give every page the file-system's origin).
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { protocol } from 'electron';
import { resolveAppFile, SECURITY_HEADERS } from './app-files.ts';
import { APP_SCHEME } from './app-url.ts';

/**
 * Must run before the app is ready. standard + secure give app://workbench a real, secure
 * origin; corsEnabled lets Vite's `<script type="module" crossorigin>` load from the same
 * origin (no Access-Control-Allow-Origin is ever sent, so other origins still cannot read it).
 * No bypassCSP, no service workers, no streaming.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

const text = (status: number, body: string): Response =>
  new Response(body, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });

/** Serves `rendererDir` on app://workbench for the default session. Call once the app is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
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
      console.error('app://: could not serve', request.url, err);
      return text(500, 'Something went wrong on this desk.');
    }
  });
}
