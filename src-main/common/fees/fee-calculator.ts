// The fee of a licence from its schedule and what the business declared: base, per unit and
// percentage components add up; a minimum then lifts a smaller total. Every line carries the
// numbers it was computed from. Percentages are rounded half up to the cent, per component.
import { errorText, WorkbenchError } from '../errors.ts';
import type { Declared, FeeComponent, FeeLine } from './fee-schedule.ts';
import { formatBasisPoints, formatCents, percentOf } from './money.ts';

export interface FeeResult {
  lines: FeeLine[];
  /** The fee due before any late penalty: the sum of the lines. */
  feeCents: number;
}

export function computeFee(components: readonly FeeComponent[], declared: Declared): FeeResult {
  const missing: Record<string, string> = {};
  const lines: FeeLine[] = [];

  for (const c of components) {
    if (c.kind === 'base') {
      lines.push({
        code: 'fee.base',
        label: c.label,
        amountCents: c.amountCents,
        detail: { component: c.code, amountCents: c.amountCents },
      });
    } else if (c.kind === 'perUnit') {
      const declaredUnits = declared.units[c.unit];
      if (declaredUnits === undefined) {
        missing[`declared.units.${c.unit}`] =
          `Enter the number of ${c.unit} to compute the ${c.label.toLowerCase()}.`;
        continue;
      }
      const included = c.includedUnits ?? 0;
      const charged = Math.max(0, declaredUnits - included);
      const amountCents = charged * c.centsPerUnit;
      const over = included > 0 ? ` over the ${included} included` : '';
      lines.push({
        code: 'fee.perUnit',
        label: `${c.label}: ${charged} ${c.unit}${over} × ${formatCents(c.centsPerUnit)}`,
        amountCents,
        detail: {
          component: c.code,
          unit: c.unit,
          declaredUnits,
          includedUnits: included,
          chargedUnits: charged,
          centsPerUnit: c.centsPerUnit,
        },
      });
    } else if (c.kind === 'percentage') {
      const base = declared.amountsCents[c.of];
      if (base === undefined) {
        missing[`declared.amountsCents.${c.of}`] =
          `Enter the ${c.of} to compute the ${c.label.toLowerCase()}.`;
        continue;
      }
      lines.push({
        code: 'fee.percentage',
        label: `${c.label}: ${formatBasisPoints(c.basisPoints)} of ${formatCents(base)}`,
        amountCents: percentOf(base, c.basisPoints),
        detail: { component: c.code, of: c.of, declaredCents: base, basisPoints: c.basisPoints },
      });
    }
  }

  if (Object.keys(missing).length > 0) {
    throw new WorkbenchError(
      'invalid_input',
      errorText('fees.figures_missing', {
        count: Object.keys(missing).length,
        figures: Object.values(missing).join(' '),
      }),
      missing,
    );
  }

  const subtotal = lines.reduce((sum, l) => sum + l.amountCents, 0);
  // Several minimums (unusual) mean the highest one: the fee is at least each of them.
  const minimum = components
    .filter((c): c is Extract<FeeComponent, { kind: 'minimum' }> => c.kind === 'minimum')
    .reduce<Extract<FeeComponent, { kind: 'minimum' }> | null>(
      (best, c) => (!best || c.amountCents > best.amountCents ? c : best),
      null,
    );
  if (minimum && subtotal < minimum.amountCents) {
    lines.push({
      code: 'fee.minimum',
      label: `${minimum.label} ${formatCents(minimum.amountCents)} (the fee came to ${formatCents(subtotal)})`,
      amountCents: minimum.amountCents - subtotal,
      detail: { component: minimum.code, minimumCents: minimum.amountCents, subtotalCents: subtotal },
    });
  }

  return { lines, feeCents: lines.reduce((sum, l) => sum + l.amountCents, 0) };
}
