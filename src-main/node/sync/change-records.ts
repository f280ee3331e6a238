// The records an outbox change is about, as keys ("licence:RV-0000012", "local:<operation>"):
// replay holds the changes behind a refused one by them, and a person's resolution of the refused
// change puts those held changes back behind the change that replaces it.
import type { OutboxEntry } from '../commands/outbox.ts';

/**
 * The records a change is about, as keys: the licence, payment and business its payload names and
 * the records it read. Two changes that share one are replayed in order, or not at all.
 */
export function recordsOf(entry: Pick<OutboxEntry, 'operationId' | 'payload' | 'base'>): string[] {
  // A record the change makes is known as local:<its operation> until the legacy system numbers it.
  const keys = new Set<string>([`local:${entry.operationId}`]);
  for (const [field, entity] of [
    ['licenceId', 'licence'],
    ['paymentId', 'payment'],
    ['businessId', 'business'],
    ['inspectionId', 'scheduledInspection'],
  ] as const) {
    const id = entry.payload[field];
    if (id === undefined || id === null || id === '') continue;
    keys.add(String(id).startsWith('local:') ? String(id) : `${entity}:${String(id)}`);
  }
  for (const b of entry.base) keys.add(`${b.entity}:${b.id}`);
  return [...keys];
}
