// One desk for a test file (or a describe block): a demo city in a fresh directory, `workbench
// serve` on it and a Chromium page, made in a beforeAll and taken apart in an afterAll. Each test
// file says only what is its own: the demo's size and seed, what it prepares on the desk before it
// is served, whether the legacy link is cut while the browser looks, and the page's height.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { pdfText } from '../../support/pdf-text.ts';
import { launchChromium, openPage } from './browser.ts';
import { ensureRendererBuilt } from './renderer-build.ts';
import { cutSqliteLegacy, restoreSqliteLegacy } from './sqlite-link.ts';
import { type Served, serve, workbench, workbenchJson } from './workbench.ts';

export type DeskSession = {
  /** The desk's directory: set before `demo` and `prepare` run. */
  dataDir: string;
  served: Served;
  browser: Browser;
  page: Page;
  /** The served URL without its hash, for `${desk.base()}#/route`. */
  base: () => string;
};

export type DeskOptions = {
  /** Part of the temporary directory's name (workbench-e2e-NAME-…). */
  name: string;
  /**
   * The demo city: `workbench demo create --engine sqlite` of this size and seed, then `sync`
   * (through `workbenchJson` with `json`); or a function that makes the desk itself.
   */
  demo: { size: number; seed: number; json?: boolean } | ((dataDir: string) => Promise<unknown>);
  /** What the test file does on the desk before it is served (policies, CLI commands, lookups). */
  prepare?: (dataDir: string) => unknown;
  /** Cuts the SQLite legacy link just before serving (restored in the afterAll). */
  cut?: boolean;
  /** The page's window height and the label of its errors (see openPage). */
  page?: { height?: number; label?: string };
  /** The beforeAll's own timeout, where a file's set-up takes longer than others'. */
  timeout?: number;
};

/** Registers the beforeAll that makes the desk, its server and its page, and the afterAll that ends them. */
export function useDesk(options: DeskOptions): DeskSession {
  const desk = { base: () => desk.served.url.split('#')[0]! } as DeskSession;
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    desk.dataDir = mkdtempSync(join(tmpdir(), `workbench-e2e-${options.name}-`));
    await ensureRendererBuilt();
    if (typeof options.demo === 'function') await options.demo(desk.dataDir);
    else {
      const { size, seed, json } = options.demo;
      const run = json ? workbenchJson : workbench;
      run(desk.dataDir, [
        'demo',
        'create',
        '--engine',
        'sqlite',
        '--size',
        String(size),
        '--seed',
        String(seed),
      ]);
      run(desk.dataDir, ['sync']);
    }
    await options.prepare?.(desk.dataDir);
    if (options.cut) cutSqliteLegacy(desk.dataDir);
    desk.served = served = await serve(desk.dataDir);
    desk.browser = browser = await launchChromium();
    desk.page = await openPage(browser, options.page);
  }, options.timeout);
  afterAll(async () => {
    if (desk.dataDir) restoreSqliteLegacy(desk.dataDir);
    await browser?.close();
    await served?.stop();
    if (desk.dataDir) rmSync(desk.dataDir, { recursive: true, force: true });
  });
  return desk;
}

/** Gives the person running the tests this role at the desk (policy.yaml's accounts). */
export function policyAs(dataDir: string, role: string): void {
  writeFileSync(
    join(dataDir, 'policy.yaml'),
    `version: 1\naccounts:\n  ${JSON.stringify(userInfo().username)}: ${role}\n`,
  );
}

/** The file the page hands over when `click` runs: its download's file name and bytes. */
export async function downloadFrom(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The words of a PDF, whatever its line breaks (white space folded to single spaces). */
export const pdfWords = async (bytes: Buffer): Promise<string> =>
  (await pdfText(new Uint8Array(bytes))).replace(/\s+/g, ' ');
