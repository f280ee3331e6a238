// Browser mode: the same UI and contract on loopback HTTP (`workbench serve`). Not a test stub:
// it binds 127.0.0.1 only, demands a per-launch random token on every request (a cookie set
// from the printed URL for pages, a header for API calls), checks Host and Origin so another
// site or a DNS-rebinding page cannot reach it, and serves no CORS.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { CallResult } from '../common/contract.ts';
import { createDispatcher } from '../common/dispatch.ts';
import type { ErrorCode } from '../common/errors.ts';
import type { Desk } from '../node/desk/open-desk.ts';
import { projectRoot } from '../node/desk/paths.ts';
import { logger } from '../node/log/logger.ts';
import { createHandlers } from '../node/handlers/handlers.ts';
import type { DeskRuntime } from '../node/sync/desk-runtime.ts';

export interface ServerOptions {
  desk: Desk;
  port: number;
  /** The desk's connectivity monitor and sync loop; without one the link shows as unknown. */
  runtime?: DeskRuntime;
  /** Built renderer; defaults to out/renderer in the project. */
  rendererDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): void;
}

const COOKIE = 'workbench_token';
const MAX_BODY = 1024 * 1024;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  not_configured: 409,
  internal: 500,
  legacy_unavailable: 503,
  cache_unavailable: 503,
};
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  const rendererDir = options.rendererDir ?? join(projectRoot(), 'out', 'renderer');
  const dispatch = createDispatcher(createHandlers(options.desk, options.runtime), (err) =>
    logger('server').error({ err }, 'internal error'),
  );
  let port = options.port;

  const sameToken = (candidate: string | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = createServer(async (req, res) => {
    try {
      baseHeaders(res);
      const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      if (!hosts.includes(req.headers.host ?? ''))
        return plain(res, 421, 'This server answers only to 127.0.0.1.');
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
        return plain(res, 403, 'Requests from other sites are refused.');
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return plain(res, 405, 'API calls use POST.');
        // The header (not the cookie) authorises API calls, so a forged form post cannot.
        if (!sameToken(header(req, 'x-workbench-token'))) return json(res, 401, unauthorized());
        if (!origin)
          return json(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Missing Origin.' } });
        const body = await readBody(req);
        if (body === null)
          return json(res, 413, {
            ok: false,
            error: { code: 'invalid_input', message: 'The request is too large.' },
          });
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body) : {};
        } catch {
          return json(res, 400, {
            ok: false,
            error: { code: 'invalid_input', message: 'The request body is not JSON.' },
          });
        }
        const result = await dispatch(decodeURIComponent(url.pathname.slice('/api/'.length)), input);
        return json(res, result.ok ? 200 : statusOf[result.error.code], result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.');
      const fromUrl = url.searchParams.get('token') ?? undefined;
      if (fromUrl !== undefined) {
        if (!sameToken(fromUrl))
          return plain(
            res,
            401,
            'That address is from an earlier launch. Use the one the workbench printed now.',
          );
        res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
        res.setHeader('Location', '/');
        return plain(res, 303, 'Opening the workbench…');
      }
      if (!sameToken(cookie(req, COOKIE))) {
        return plain(
          res,
          401,
          'Open the workbench with the address it printed when it started (it carries a one-time token).',
        );
      }
      return serveFile(res, rendererDir, url.pathname, token);
    } catch (err) {
      logger('server').error({ err }, 'serve: request failed');
      if (!res.headersSent) plain(res, 500, 'Something went wrong on this desk.');
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => server.close(),
  };
}

function serveFile(res: ServerResponse, dir: string, pathname: string, token: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    plain(res, 503, 'The workbench UI is not built yet. Run "bash scripts/setup.sh", then start again.');
    return;
  }
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(dir, rel);
  if (!file.startsWith(dir + sep) && file !== dir) {
    plain(res, 404, 'Not found.');
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html'); // client-side routes
  const type = types[extname(file)] ?? 'application/octet-stream';
  res.setHeader('Content-Type', type);
  if (file.endsWith('index.html')) {
    // The page learns the token from the page itself; it is never in a URL after the first load.
    const html = readFileSync(file, 'utf8').replace(
      '<head>',
      `<head><meta name="workbench-token" content="${token}"><meta name="workbench-transport" content="http">`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.writeHead(200);
    res.end(html);
    return;
  }
  res.setHeader('Cache-Control', 'private, max-age=3600');
  res.writeHead(200);
  res.end(readFileSync(file));
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

const unauthorized = (): CallResult => ({
  ok: false,
  error: {
    code: 'unauthorized',
    message: 'This page is not authorised; reopen the workbench with the address it printed.',
  },
});

function plain(res: ServerResponse, status: number, text: string): void {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.writeHead(status);
  res.end(text);
}

function json(res: ServerResponse, status: number, body: CallResult): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.writeHead(status);
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
