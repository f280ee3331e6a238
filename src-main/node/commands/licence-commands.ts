// Renew a licence (payments: payment-commands.ts): it is one cache transaction holding its local effect,
// its outbox entry (with the licence as the clerk saw it) and its audit entry, so the counter
// works the same whether the legacy database is up or not. Replay takes it from there.
import type { RenewLicencePayload } from '../../common/command-defs/renew-licence.ts';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { explainLines } from '../../common/fees/index.ts';
import { zonedIso } from '../../common/time.ts';
import { rowToRecord } from '../cache/canonical-tables.ts';
import type { Desk } from '../desk/open-desk.ts';
import { licenceKey } from '../sync/provisional-refs.ts';
import { deskFeeRules } from '../fees/load-fee-rules.ts';
import { checkRenewalIn } from '../renewals/renewal-check.ts';
import { deskRenewalRequirements } from '../renewals/renewal-requirements.ts';
import { assertMayGive } from './may-give.ts';
import { giveCommand } from './give-command.ts';

export interface CommandResult<P> {
  operationId: string;
  payload: P;
}

export function loadLicence(desk: Desk, licenceId: string): Record<string, unknown> {
  // Licence numbers are typed in any case; a provisional id (local:<operationId>) is kept as it is.
  // A provisional id the legacy system has numbered since is followed to the legacy licence.
  const row = desk.cache
    .prepare('SELECT * FROM licence WHERE id = ?')
    .get(licenceKey(desk.cache, licenceId)) as Record<string, unknown> | undefined;
  if (!row) throw new WorkbenchError('not_found', errorText('licence.not_found', { licenceId }));
  return row;
}

export function renewLicence(
  desk: Desk,
  actor: string,
  licenceId: string,
  now = new Date(),
): CommandResult<RenewLicencePayload> {
  const db = desk.cache;
  assertMayGive(desk, actor, 'renewLicence');
  const rules = deskFeeRules(desk);
  const requirements = deskRenewalRequirements(desk);
  return db
    .transaction(() => {
      const row = loadLicence(desk, licenceId);
      const licence = rowToRecord('licence', row);
      const renewedAt = zonedIso(now, desk.timeZone);
      // The fee engine decides: the window, holds, balances, status and the type's renewal
      // requirements refuse in its words, and what is charged is its quote's total (base +
      // penalties), never the fee on record.
      const check = checkRenewalIn(db, rules, licence.id as string, renewedAt.slice(0, 10), requirements);
      if (!check.ok || !check.quote || !check.newExpiresOn) {
        throw new WorkbenchError(
          'invalid_input',
          errorText('renewal.refused', {
            licenceId: licence.id as string,
            problems: check.problems.map((p) => p.message).join(' '),
            codes: check.problems.map((p) => p.code).join(','),
          }),
          Object.fromEntries(check.problems.map((p) => [p.code, p.message])),
        );
      }
      const quote = check.quote;
      const payload: RenewLicencePayload = {
        v: 1,
        licenceId: licence.id as string,
        newExpiresOn: check.newExpiresOn,
        feeCents: quote.totalCents,
        renewedAt,
        charge: {
          scheduleId: quote.scheduleId,
          asOf: quote.asOf,
          daysLate: quote.daysLate,
          feeCents: quote.feeCents,
          penaltyCents: quote.penaltyCents,
          lines: quote.lines,
        },
      };
      db.prepare(`UPDATE licence SET expires_on = ?, status = 'active', fee_cents = ? WHERE id = ?`).run(
        payload.newExpiresOn,
        payload.feeCents,
        payload.licenceId,
      );
      const operationId = giveCommand(desk, actor, {
        command: 'renewLicence',
        at: renewedAt,
        payload,
        base: [{ entity: 'licence', id: payload.licenceId, record: licence }],
        changes: [{ entity: 'licence', id: payload.licenceId }],
        subject: payload.licenceId,
        detail: {
          from: licence.expiresOn,
          to: payload.newExpiresOn,
          status: licence.status,
          feeCents: payload.feeCents,
          charge: explainLines(quote.lines),
        },
      });
      return { operationId, payload };
    })
    .immediate();
}
