// The domain side of replay: which fields of the record a command read decide whether it may still
// be applied, how a conflict is shown field by field, and how a command is rebased on the current
// legacy values when a person says "apply again". Pure: used by the worker, the desk and tests.
import type { CommandName, RecordPaymentPayload, RenewLicencePayload } from './commands.ts';
import { renewalExpiry } from './licence-rules.ts';
import type { ConflictField } from './sync-model.ts';

type Rec = Record<string, unknown>;

/**
 * The fields of the base record a command depends on. A renewal depends on the licence's status,
 * expiry, type and fee: if any changed elsewhere, renewing blindly could extend the wrong term.
 * A payment depends only on the licence still being there: money taken is recorded whatever
 * else happened to the licence meanwhile.
 */
export const commandWatch: Record<CommandName, readonly string[]> = {
  renewLicence: ['status', 'expiresOn', 'licenceTypeCode', 'feeCents'],
  // Money given back is recorded whatever happened to the licence meanwhile, like a payment.
  voidPayment: [],
  refundPayment: [],
  recordPayment: [],
  // A status change is applied only while the licence still has the status the person saw: a
  // suspension decided on an active licence must not land on one closed elsewhere meanwhile.
  changeLicenceStatus: ['status'],
  // New records: nothing the clerk read can have changed under them (a licence's business is
  // referred to by its key: replay finds it gone if it went).
  registerBusiness: [],
  issueLicence: [],
};

/** Fields that differ between what the clerk saw and what the legacy database holds now. */
export function changedFields(command: CommandName, seen: Rec, current: Rec): string[] {
  return commandWatch[command].filter((f) => !same(seen[f], current[f]));
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

const shown = (v: unknown): string | number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);

/** The conflict as a person reads it: each field with what was seen, the clerk's change and the legacy value now. */
export function conflictFields(
  command: CommandName,
  payload: Rec,
  seen: Rec,
  current: Rec | null,
): ConflictField[] {
  const rows: Array<[string, unknown, unknown]> = [];
  if (command === 'voidPayment' || command === 'refundPayment') {
    rows.push(['paymentId', null, payload.paymentId]);
    rows.push(['amountCents', null, payload.amountCents]);
    rows.push(['method', null, payload.method]);
    rows.push(['reason', null, payload.reason]);
  } else if (command === 'renewLicence') {
    const p = payload as RenewLicencePayload;
    rows.push(['expiresOn', seen.expiresOn, p.newExpiresOn]);
    rows.push(['status', seen.status, 'active']);
    rows.push(['feeCents', seen.feeCents, p.feeCents]);
    rows.push(['licenceTypeCode', seen.licenceTypeCode, seen.licenceTypeCode]);
  } else if (command === 'changeLicenceStatus') {
    rows.push(['status', seen.status, payload.to]);
    rows.push(['expiresOn', seen.expiresOn, seen.expiresOn]);
    rows.push(['reason', null, payload.reason]);
  } else if (command === 'registerBusiness') {
    // A new business: nothing was seen before; what the clerk typed.
    for (const f of ['name', 'ownerName', 'addressLine', 'phone', 'taxId']) rows.push([f, null, payload[f]]);
  } else if (command === 'issueLicence') {
    // The business the licence is for, as the clerk saw it, and the licence asked for.
    rows.push(['name', seen.name, seen.name]);
    for (const f of ['businessId', 'licenceTypeCode', 'issuedOn', 'expiresOn', 'feeCents'])
      rows.push([f, null, payload[f]]);
  } else {
    const p = payload as RecordPaymentPayload;
    rows.push(['status', seen.status, seen.status]);
    rows.push(['expiresOn', seen.expiresOn, seen.expiresOn]);
    rows.push(['amountCents', null, p.amountCents]);
    rows.push(['method', null, p.method]);
    rows.push(['paidOn', null, p.paidOn]);
  }
  rows.push(['legacyUpdatedAt', seen.legacyUpdatedAt, seen.legacyUpdatedAt]);
  return rows.map(([field, s, mine]) => {
    const now = current === null ? null : current[field];
    const isLicenceField = field in seen;
    return {
      field,
      seen: shown(s),
      mine: shown(mine),
      current: isLicenceField ? shown(now) : null,
      changedElsewhere: isLicenceField && (current === null || !same(s, now)),
    };
  });
}

/** Fields of a command's payload a person may edit before applying it again. */
export function editableFields(command: CommandName, payload: Rec): Record<string, string | number | null> {
  if (command === 'renewLicence') return { newExpiresOn: shown(payload.newExpiresOn) };
  if (command === 'voidPayment') return { reason: shown(payload.reason) };
  if (command === 'refundPayment')
    return { amountCents: shown(payload.amountCents), reason: shown(payload.reason) };
  if (command === 'changeLicenceStatus') return { reason: shown(payload.reason) };
  // New records: applied again as they were, or discarded; nothing in them to edit.
  if (command === 'registerBusiness' || command === 'issueLicence') return {};
  return {
    licenceId: shown(payload.licenceId),
    amountCents: shown(payload.amountCents),
    method: shown(payload.method),
  };
}

/**
 * The command again, on top of the current legacy record: a renewal extends the expiry the licence
 * has now by one term (the type's term in months, or a year).
 */
export function rebase(
  command: CommandName,
  payload: Rec,
  current: Rec,
  today: string,
  termMonths: number | null,
): Rec {
  if (command === 'renewLicence') {
    return {
      ...payload,
      newExpiresOn: renewalExpiry((current.expiresOn as string | null) ?? null, today, termMonths),
      // A renewal quoted by the fee engine keeps what was charged (its lines explain it); an older
      // one without the quote takes the fee the legacy record has now, as before.
      feeCents: payload.charge
        ? (payload.feeCents as number)
        : ((current.feeCents as number | null) ?? (payload.feeCents as number)),
    };
  }
  // The same move, from the status the legacy record has now (the desk checks the machine again).
  if (command === 'changeLicenceStatus') return { ...payload, from: current.status ?? payload.from };
  return { ...payload };
}
