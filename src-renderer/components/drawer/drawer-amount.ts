// Amounts typed on the drawer screen: the payment form's reading (exact cents from dollars and
// cents), where zero is a fair answer (an empty float, no checks taken today).
import { parseAmount } from '../../forms/money-input.ts';

export type DrawerAmount = { ok: true; cents: number } | { ok: false };

export function parseDrawerAmount(typed: string, emptyIsZero = false): DrawerAmount {
  if (emptyIsZero && typed.trim() === '') return { ok: true, cents: 0 };
  const parsed = parseAmount(typed);
  if (parsed.ok) return parsed;
  if (parsed.problem === 'zero') return { ok: true, cents: 0 };
  return { ok: false };
}
