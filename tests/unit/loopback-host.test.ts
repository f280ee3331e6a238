// The browser-mode host's guards, over real HTTP on loopback: token on every request, Host and
// Origin checks, no CORS, typed errors, and the same contract as the desktop shell.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src-main/host/server.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';

let dir: string;
let desk: Desk;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wb-host-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  desk = openDesk({ dataDir: join(dir, 'desk') });
  server = await startServer({ desk, port: 0, rendererDir: renderer });
});
afterAll(() => {
  server.close();
  desk.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
function call(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
const origin = () => `http://127.0.0.1:${server.port}`;
const api = (op: string, input: unknown, extra: Record<string, string> = {}) =>
  call(
    'POST',
    `/api/${op}`,
    { 'content-type': 'application/json', origin: origin(), 'x-workbench-token': server.token, ...extra },
    JSON.stringify(input),
  );

describe('workbench serve', () => {
  it('binds loopback only and prints a URL with the token', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`),
    );
  });

  it('refuses pages without the token, and trades the URL token for a strict cookie', async () => {
    expect((await call('GET', '/')).status).toBe(401);
    expect((await call('GET', '/?token=wrong')).status).toBe(401);
    const opened = await call('GET', `/?token=${server.token}`);
    expect(opened.status).toBe(303);
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await call('GET', '/', { cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="workbench-token" content="${server.token}">`);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const asset = await call('GET', '/assets/app.js', { cookie: cookie.split(';')[0]! });
    expect(asset.body).toBe('console.log(1)');
    expect(
      (await call('GET', '/assets/../../../etc/passwd', { cookie: cookie.split(';')[0]! })).body,
    ).not.toContain('root:');
  });

  it('answers API calls only with the token header and a same-origin Origin', async () => {
    expect((await api('desk.status', {})).status).toBe(200);
    expect((await api('desk.status', {}, { 'x-workbench-token': 'nope' })).status).toBe(401);
    const foreign = await api('desk.status', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const noOrigin = await call('POST', '/api/desk.status', { 'x-workbench-token': server.token }, '{}');
    expect(noOrigin.status).toBe(403);
  });

  it('refuses other Host names (DNS rebinding) and serves no CORS', async () => {
    expect((await call('GET', `/?token=${server.token}`, { host: 'evil.example' })).status).toBe(421);
    const pre = await call('OPTIONS', '/api/desk.status', {
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const ok = await api('desk.status', {});
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('validates input against the contract and returns typed errors, never stack traces', async () => {
    const bad = await api('licences.search', { text: 42 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { text: expect.any(String) } },
    });
    const unknown = await api('licences.delete', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await api('licences.get', { licenceId: 'RV-404' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.message).toMatch(/not on this desk/);
    expect(missing.body).not.toMatch(/\.ts:\d+/);
    const status = JSON.parse((await api('desk.status', {})).body);
    expect(status).toMatchObject({ ok: true, value: { bridge: null, licences: 0, pendingChanges: 0 } });
  });
});
