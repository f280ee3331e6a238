// Makes sure out/renderer (what `workbench serve` serves) holds the UI as it is in src-renderer:
// when the build is missing or older than a source file, builds the renderer alone with Vite,
// with the same settings as electron.vite.config.ts (root src-renderer, base './').
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { repoRoot } from './workbench.ts';

// What the built UI depends on, this build recipe included.
const sources = [join(repoRoot, 'src-renderer'), join(repoRoot, 'src-main', 'common'), import.meta.dirname];
const outDir = join(repoRoot, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function ensureRendererBuilt(): Promise<void> {
  const index = join(outDir, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (builtAt > Math.max(...sources.map(newestMtime))) return;
  // vitest runs with NODE_ENV=test, which would give React's development build and JSX transform;
  // the served UI must be the production build, as scripts/setup.sh makes it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      mode: 'production',
      root: join(repoRoot, 'src-renderer'),
      base: './',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2048 },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
