// Command-line flags of the desktop shell. Pure, so it is tested without Electron.

/**
 * The value of `--data-dir DIR` or `--data-dir=DIR` in `argv` (the last one wins), or undefined.
 * A bare `--data-dir` with nothing after it counts as absent.
 */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value) found = value;
    } else if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value !== undefined && value !== '' && !value.startsWith('--')) {
        found = value;
        i++;
      }
    }
  }
  return found;
}
