// Whether licences can be renewed on a date, and for how much: the counter's renew button, the
// fee quote and the batch renewal's validation (H6's wizard) all ask here, so they refuse for
// the same reasons with the same stable codes (renewal.hold, renewal.balanceDue,
// renewal.tooEarly, renewal.tooLate, renewal.status, renewal.noSchedule, renewal.notFound, and
// renewal.requirement for what requirements.yaml's `renewal:` asks that the licence lacks).
import type Database from 'better-sqlite3';
import type { FeeRulesFile, RenewalQuote } from '../../common/fees/index.ts';
import { renewableStatuses, renewalExpiry } from '../../common/licence-rules.ts';
import type { FeeQuote, RenewalCheck, RenewalProblem } from '../../common/ops/fee-ops.ts';
import type { RequirementsFile } from '../applications/requirements.ts';
import type { Desk } from '../desk/open-desk.ts';
import { deskFeeRules } from '../fees/load-fee-rules.ts';
import { quoteLicence } from '../fees/licence-quote.ts';
import { licenceKey } from '../sync/provisional-refs.ts';
import { deskRenewalRequirements, renewalRequirementProblems } from './renewal-requirements.ts';

export type { RenewalCheck, RenewalProblem } from '../../common/ops/fee-ops.ts';

interface LicenceRow {
  id: string;
  business_id: string;
  licence_type_code: string | null;
  status: string;
  expires_on: string | null;
  fee_cents: number | null;
  term_months: number | null;
}

/** The quote as it crosses the contract (the engine's blockers become the check's problems). */
export function toFeeQuote(q: RenewalQuote): FeeQuote {
  return {
    scheduleId: q.scheduleId,
    scheduleEffectiveOn: q.scheduleEffectiveOn,
    expiresOn: q.expiresOn,
    asOf: q.asOf,
    daysLate: q.daysLate,
    window: { status: q.window.status, opensOn: q.window.opensOn, closesOn: q.window.closesOn },
    feeLines: q.feeLines,
    penaltyLines: q.penaltyLines,
    lines: q.lines,
    feeCents: q.feeCents,
    penaltyCents: q.penaltyCents,
    totalCents: q.totalCents,
  };
}

/**
 * The check with the rules already read. `requirements` is the city's requirements file (its
 * `renewal:` lists); the fee engine's own tests leave it out and check the fee rules alone.
 */
export function checkRenewalIn(
  db: Database.Database,
  rules: FeeRulesFile,
  licenceId: string,
  on: string,
  requirements?: RequirementsFile,
): RenewalCheck {
  return checkKey(db, rules, licenceKey(db, licenceId), on, (row) =>
    requirements ? (renewalRequirementProblems(db, requirements, [toCheck(row)], on).get(row.id) ?? []) : [],
  );
}

const toCheck = (row: LicenceRow) => ({ id: row.id, licenceTypeCode: row.licence_type_code });

function checkKey(
  db: Database.Database,
  rules: FeeRulesFile,
  id: string,
  on: string,
  missingRequirements: (row: LicenceRow) => RenewalProblem[],
): RenewalCheck {
  const row = db
    .prepare(
      `SELECT l.id, l.business_id, l.licence_type_code, l.status, l.expires_on, l.fee_cents, t.term_months
         FROM licence l LEFT JOIN licence_type t ON t.code = l.licence_type_code WHERE l.id = ?`,
    )
    .get(id) as LicenceRow | undefined;
  if (!row) {
    return {
      licenceId: id,
      ok: false,
      problems: [
        {
          code: 'renewal.notFound',
          message: `Licence ${id} is not on this desk. Check the number, or refresh the desk.`,
          detail: {},
        },
      ],
      quote: null,
      newExpiresOn: null,
    };
  }
  const problems: RenewalProblem[] = [];
  if (!(renewableStatuses as readonly string[]).includes(row.status)) {
    problems.push({
      code: 'renewal.status',
      message: `Licence ${row.id} is ${row.status}; it cannot be renewed at the counter. A supervisor must reinstate it first.`,
      detail: { status: row.status },
    });
  }
  let quote: RenewalQuote | null = null;
  let ambiguous: string | null = null;
  try {
    quote = quoteLicence(
      db,
      rules,
      {
        id: row.id,
        businessId: row.business_id,
        licenceTypeCode: row.licence_type_code,
        expiresOn: row.expires_on,
        feeCents: row.fee_cents,
      },
      on,
    );
  } catch (err) {
    // two base amounts or schedules from one day (the fee table and the rules file disagree)
    if (!(err instanceof RangeError)) throw err;
    ambiguous = err.message;
  }
  if (ambiguous) {
    problems.push({
      code: 'renewal.noSchedule',
      message: `The renewal fee cannot be computed: ${ambiguous} IT must fix it.`,
      detail: { licenceTypeCode: row.licence_type_code, on },
    });
  } else if (!quote) {
    problems.push({
      code: 'renewal.noSchedule',
      message: `No fee is in effect on ${on} for licences of type ${row.licence_type_code ?? '(none)'}, so the renewal fee cannot be computed. IT must check the city's fee table.`,
      detail: { licenceTypeCode: row.licence_type_code, on },
    });
  } else {
    for (const b of quote.blockers) problems.push({ code: b.code, message: b.message, detail: b.detail });
  }
  problems.push(...missingRequirements(row));
  return {
    licenceId: row.id,
    ok: problems.length === 0,
    problems,
    quote: quote ? toFeeQuote(quote) : null,
    newExpiresOn: renewalExpiry(row.expires_on, on, row.term_months),
  };
}

/** Whether `licenceId` can be renewed on `onIsoDate` (YYYY-MM-DD), for how much, until when. */
export function checkRenewal(desk: Desk, licenceId: string, onIsoDate: string): RenewalCheck {
  return checkRenewalIn(desk.cache, deskFeeRules(desk), licenceId, onIsoDate, deskRenewalRequirements(desk));
}

/**
 * The same for many licences (a batch), in the order given: the rules and the requirements file
 * read once, and the renewal requirements of all the licences answered by one query.
 */
export function checkRenewals(desk: Desk, licenceIds: readonly string[], onIsoDate: string): RenewalCheck[] {
  const db = desk.cache;
  const rules = deskFeeRules(desk);
  const keys = licenceIds.map((id) => licenceKey(db, id));
  const types = db
    .prepare(
      `SELECT id, licence_type_code AS licenceTypeCode FROM licence WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(keys)) as { id: string; licenceTypeCode: string | null }[];
  const missing = renewalRequirementProblems(db, deskRenewalRequirements(desk), types, onIsoDate);
  return keys.map((id) => checkKey(db, rules, id, onIsoDate, (row) => missing.get(row.id) ?? []));
}
