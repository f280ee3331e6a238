// app://workbench: which URL names which file of the built renderer (path traversal refused), the
// responses with their MIME types, and the security headers, which must match the loopback host's.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  mimeTypeOf,
  resolveAppFile,
  SECURITY_HEADERS,
} from '../../src-main/electron/app-files.ts';
import { respondToAppRequest } from '../../src-main/electron/app-responder.ts';
import { type RunningServer, startServer } from '../../src-main/host/server.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';
import { expectEach } from './support/each-case.ts';

const root = '/opt/workbench/out/renderer';
const fileOf = (url: string, method = 'GET') => {
  const r = resolveAppFile(url, root, method);
  return r.ok ? r.file : r.status;
};

describe('app:// URL to file', () => {
  it('maps paths inside the renderer, "/" to index.html, with the right MIME type', () => {
    expectEach(fileOf, {
      'app://workbench/': `${root}/index.html`,
      'app://workbench': `${root}/index.html`,
      'app://workbench/index.html': `${root}/index.html`,
      'app://workbench/index.html?x=1#/licence/BL-1': `${root}/index.html`,
      'app://workbench/assets/index-X2.js': `${root}/assets/index-X2.js`,
      'app://workbench/assets/': `${root}/assets/index.html`,
      'app://workbench/assets/a%20b.css': `${root}/assets/a b.css`,
      'app://workbench/./assets/x.js': `${root}/assets/x.js`,
    });
    // The URL parser already folds dot segments it can see; what stays inside is served.
    expect(fileOf('app://workbench/assets/../index.html')).toBe(`${root}/index.html`);
    expect(fileOf('app://workbench/assets/%2e%2e/index.html')).toBe(`${root}/index.html`);
    const js = resolveAppFile('app://workbench/assets/x.js', root);
    expect(js.ok && js.contentType).toBe('text/javascript; charset=utf-8');
    const html = resolveAppFile('app://workbench/', root);
    expect(html.ok && html.contentType).toBe('text/html; charset=utf-8');
    expect(html.ok && html.cacheControl).toBe('no-store');
    expect(js.ok && js.cacheControl).toBe('private, max-age=3600');
  });

  it('never leaves the renderer directory', () => {
    for (const url of [
      'app://workbench/../../etc/passwd',
      'app://workbench/%2e%2e/%2e%2e/etc/passwd',
      'app://workbench/%252e%252e/x', // decodes to %2e%2e, a file name, not a parent reference
      'app://workbench/assets/..%2f..%2fetc/passwd',
      'app://workbench/..%5c..%5cwindows%5cwin.ini',
      'app://workbench/a%00.js',
      'app://workbench/%E0%A4%A',
      'app://workbench/.env',
      'app://workbench/assets/.hidden.js',
    ]) {
      const r = resolveAppFile(url, root);
      if (r.ok) expect(r.file.startsWith(`${root}/`), url).toBe(true);
    }
    expectEach(fileOf, {
      'app://workbench/assets/..%2f..%2fetc/passwd': 400,
      'app://workbench/..%5c..%5cwindows%5cwin.ini': 400,
      'app://workbench/a%00.js': 400,
      'app://workbench/%E0%A4%A': 400,
      'app://workbench/.env': 404,
      'app://workbench/assets/.hidden.js': 404,
      'app://workbench/%252e%252e/x': `${root}/%2e%2e/x`,
    });
  });

  it('serves only app://workbench, only GET and HEAD', () => {
    expectEach(fileOf, {
      'app://other/index.html': 403,
      'app://workbench:8080/index.html': 403,
      'app://user:pw@workbench/index.html': 403,
      'https://workbench/index.html': 403,
      'file:///opt/workbench/out/renderer/index.html': 403,
      'not a url': 400,
    });
    expect(fileOf('app://workbench/index.html', 'POST')).toBe(405);
    expect(fileOf('app://workbench/index.html', 'HEAD')).toBe(`${root}/index.html`);
  });

  it('knows the MIME types a Vite build emits, and falls back to octet-stream', () => {
    expectEach(mimeTypeOf, {
      'a.CSS': 'text/css; charset=utf-8',
      'a.woff2': 'font/woff2',
      'a.svg': 'image/svg+xml',
      'a.png': 'image/png',
      'a.json': 'application/json',
      'a.exe': 'application/octet-stream',
    });
  });
});

describe('app:// responses from a built renderer on disk', () => {
  let dir: string;
  let renderer: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wb-app-'));
    renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'leak.js'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (path: string, method = 'GET') =>
    respondToAppRequest({ url: `app://workbench${path}`, method }, renderer);

  it('serves files with their MIME type and every security header', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>t</title>');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name)).toBe(value);
    const js = await get('/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const head = await get('/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses what is missing, outside, or reached through a symbolic link', async () => {
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404); // a directory without its slash
    expect((await get('/../secret.txt')).status).not.toBe(200);
    expect((await get('/..%2fsecret.txt')).status).toBe(400);
    const leak = await get('/assets/leak.js');
    expect(leak.status).toBe(403);
    expect(await leak.text()).not.toContain('secret');
    const refused = await get('/index.html', 'POST');
    expect(refused.status).toBe(405);
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('says the UI is not built when there is no index.html', async () => {
    const r = await respondToAppRequest({ url: 'app://workbench/', method: 'GET' }, join(dir, 'empty'));
    expect(r.status).toBe(503);
    expect(await r.text()).toMatch(/not built/);
  });
});

describe('the same headers as the loopback host', () => {
  let dir: string;
  let desk: Desk;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-app-host-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head></head></html>');
    desk = openDesk({ dataDir: join(dir, 'desk') });
    server = await startServer({ desk, port: 0, rendererDir: join(dir, 'renderer') });
  });
  afterAll(() => {
    server.close();
    desk.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the CSP and security headers `workbench serve` sends', async () => {
    const res = await fetch(server.url, { redirect: 'manual' });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(res.headers.get(name), name).toBe(value);
    }
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
