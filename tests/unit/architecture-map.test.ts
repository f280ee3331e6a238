// docs/architecture.md is the map of the house; this test keeps it true to the tree. Every path
// the map names in backticks must exist, so moving or renaming a file without fixing the map fails.
//
// The rule for what counts as a path (one rule, written here so the map's authors can follow it):
// - only inline code spans (`like/this.ts`); fenced ``` blocks are diagrams and shell commands;
// - a span is a path when it contains a "/" or ends in a known extension
//   (.ts .tsx .cjs .js .sql .yaml .yml .json .md .sh);
// - a span is skipped when it holds a space, a glob `*`, a placeholder `<...>` or `NNNN`, or a
//   ":" (URLs such as app://, node: builtins); write those freely, they are not checked;
// - a path is relative to the repository root (write `src-main/node/...`, not `node/...`);
//   a trailing "/" names a folder, which must exist as a directory.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAP = 'docs/architecture.md';
const EXTENSIONS = /\.(ts|tsx|cjs|js|sql|ya?ml|json|md|sh)$/;
const SKIP = /[\s*<>:]|NNNN/;

/** The paths a markdown text names in inline code spans, by the rule above. */
export function namedPaths(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const paths = new Set<string>();
  for (const [, span] of prose.matchAll(/`([^`\n]+)`/g)) {
    if (!span || SKIP.test(span)) continue;
    if (span.includes('/') || EXTENSIONS.test(span)) paths.add(span);
  }
  return [...paths];
}

/** The named paths that are not in the repository (a folder path must be a directory). */
function missing(paths: string[]): string[] {
  return paths.filter((p) => {
    const full = join(repo, p);
    if (!existsSync(full)) return true;
    return p.endsWith('/') && !statSync(full).isDirectory();
  });
}

describe('docs/architecture.md', () => {
  const text = readFileSync(join(repo, MAP), 'utf8');

  it('names only paths that exist in the repository', () => {
    const paths = namedPaths(text);
    // The map names the layers, the write path and the folders; far fewer means the rule broke.
    expect(paths.length).toBeGreaterThan(60);
    expect(missing(paths)).toEqual([]);
  });

  it('the rule catches a missing path and skips placeholders, globs and commands', () => {
    const sample = [
      'See `src-main/common/contract.ts` and `src-main/node/nowhere.ts` and `ghost.sql`.',
      'Not paths: `bridges/<name>/bridge.yaml`, `NNNN_name.sql`, `*-queries.ts`, `npm run lint`, `app://`.',
      '```',
      'src-main/in-a-fence.ts',
      '```',
    ].join('\n');
    const paths = namedPaths(sample);
    expect(paths).toEqual(['src-main/common/contract.ts', 'src-main/node/nowhere.ts', 'ghost.sql']);
    expect(missing(paths)).toEqual(['src-main/node/nowhere.ts', 'ghost.sql']);
  });
});
