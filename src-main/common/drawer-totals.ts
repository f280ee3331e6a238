// The money of one cash drawer session: what the drawer should hold by method (recorded) from its
// float and the payments, voids and refunds taken in it, and the variance against what the clerk
// counted at closing. Pure: the service, the screen and the end-of-day report use the same sums.
import type { PaymentMethod } from './model.ts';

/** The methods a clerk counts at closing; 'other' payments are listed but not counted. */
export const countedMethods = ['cash', 'check', 'card'] as const;
export type CountedMethod = (typeof countedMethods)[number];

export interface DrawerMovement {
  kind: 'payment' | 'void' | 'refund';
  method: PaymentMethod;
  /** Always positive: the kind says whether money came in or went out. */
  amountCents: number;
}

export interface MethodTotals {
  /** Money in by this method. */
  inCents: number;
  /** Money given back by this method (voids and refunds). */
  outCents: number;
  /** What the drawer should hold in this method (cash: the float + in − out). */
  recordedCents: number;
}

export type DrawerTotals = Record<PaymentMethod, MethodTotals>;

export function drawerTotals(floatCents: number, movements: readonly DrawerMovement[]): DrawerTotals {
  const empty = (): MethodTotals => ({ inCents: 0, outCents: 0, recordedCents: 0 });
  const totals: DrawerTotals = { cash: empty(), check: empty(), card: empty(), other: empty() };
  for (const m of movements) {
    const t = totals[m.method];
    if (m.kind === 'payment') t.inCents += m.amountCents;
    else t.outCents += m.amountCents;
  }
  for (const method of Object.keys(totals) as PaymentMethod[]) {
    const t = totals[method];
    t.recordedCents = (method === 'cash' ? floatCents : 0) + t.inCents - t.outCents;
  }
  return totals;
}

export type Counted = Record<CountedMethod, number>;

export interface MethodVariance {
  method: CountedMethod;
  recordedCents: number;
  countedCents: number;
  /** counted − recorded: negative is money short, positive money over. */
  varianceCents: number;
}

export function drawerVariance(totals: DrawerTotals, counted: Counted): MethodVariance[] {
  return countedMethods.map((method) => ({
    method,
    recordedCents: totals[method].recordedCents,
    countedCents: counted[method],
    varianceCents: counted[method] - totals[method].recordedCents,
  }));
}

/** Change due on a cash payment; null when less than the amount was tendered. */
export function changeDue(amountCents: number, tenderedCents: number): number | null {
  return tenderedCents >= amountCents ? tenderedCents - amountCents : null;
}
