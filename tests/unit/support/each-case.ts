// Table-driven checks for functions of one text: each key of `cases` is an input, its value what
// the function must return for it (compared with toBe; the input names the case when one fails).
import { expect } from 'vitest';

export function expectEach<O>(f: (input: string) => O, cases: Record<string, O>): void {
  for (const [input, expected] of Object.entries(cases)) expect(f(input), input).toBe(expected);
}
