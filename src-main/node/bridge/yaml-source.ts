// YAML files IT edits by hand (bridge.yaml, fees.yaml, requirements.yaml): read and parsed with
// source positions, so every problem names the file, line and column. One reader for all of them,
// so they report alike.
import { readFileSync } from 'node:fs';
import { type Document, isMap, LineCounter, parseDocument } from 'yaml';

export interface SourceProblem {
  file: string;
  line: number;
  column: number;
  /** The field, as written in the file ("(yaml)" for a syntax error, "(top)" for the whole file). */
  path: string;
  message: string;
}

/** A file refused: every problem in it, one a line, so IT fixes the file in one go. */
export class SourceFileError extends Error {
  readonly problems: SourceProblem[];
  /** `what` names the file in the message: "The <what> file has 2 problems:". */
  constructor(what: string, problems: SourceProblem[]) {
    super(
      `The ${what} file has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = new.target.name;
    this.problems = problems;
  }
}

/** Problems in the order they stand in the file. */
export const byPosition = (a: SourceProblem, b: SourceProblem) => a.line - b.line || a.column - b.column;

/** The file's text; a file that cannot be read is refused (`refuse`) as one problem at its start. */
export function readSourceText(file: string, refuse: (problems: SourceProblem[]) => Error): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw refuse([
      {
        file,
        line: 1,
        column: 1,
        path: '(file)',
        message: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? err}`,
      },
    ]);
  }
}

export interface YamlSource {
  doc: Document.Parsed;
  /** YAML syntax problems (duplicate keys included); when there are any, the content is not to be trusted. */
  syntaxProblems: SourceProblem[];
  /** The line and column of an offset in the text. */
  at: (offset: number | undefined) => { line: number; column: number };
  /** The source position of the deepest node that exists along a path (a missing field points at its parent). */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
}

export function readYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const syntaxProblems = doc.errors.map((e) => ({
    file,
    ...at(e.pos[0]),
    path: '(yaml)',
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const locate = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as { range?: [number] } | null)?.range?.[0];
    for (const key of path) {
      type Positioned = { range?: [number]; key?: { value?: unknown; range?: [number] }; value?: unknown };
      if (!node || typeof node !== 'object' || !('items' in node)) break;
      const items = (node as { items: Positioned[] }).items;
      if (isMap(node)) {
        const pair = items.find((p) => String(p.key?.value) === String(key));
        if (!pair) break;
        offset = pair.key?.range?.[0] ?? offset;
        node = pair.value;
      } else {
        const item = items[Number(key)];
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      }
    }
    return at(offset);
  };
  return { doc, syntaxProblems, at, locate };
}
