// Lines as text: how a receipt, a notice or a test reads a computed amount. The screen builds
// its own rows from `code` and `detail` in the person's language; this is the English rendering.
import type { FeeLine } from './fee-schedule.ts';
import { formatCents } from './money.ts';

export function sumLines(lines: readonly FeeLine[]): number {
  return lines.reduce((sum, l) => sum + l.amountCents, 0);
}

/** "Base fee $150.00", one string per line, then "Total $172.50". */
export function explainLines(lines: readonly FeeLine[], totalLabel = 'Total'): string[] {
  return [
    ...lines.map((l) => `${l.label} ${formatCents(l.amountCents)}`),
    `${totalLabel} ${formatCents(sumLines(lines))}`,
  ];
}
