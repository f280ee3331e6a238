// Status changes on real engines: a supervisor's suspension and reinstatement reach LICMST on
// SQLite, PostgreSQL and MariaDB; a revocation shows 'revoked' after the refresh; a status changed
// in the legacy database meanwhile turns the change into a conflict. A clerk is refused where the
// machine says. Certificates: issued for an active licence, verified by their code, and the answer
// follows the licence (superseded, suspended).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import { openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { cutSqliteLegacy, restoreSqliteLegacy } from '../e2e/support/sqlite-link.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { syncParkingChanges, workbench, workbenchOk } from './support/workbench-cli.ts';
import { meetingRenewalRequirementsIn } from '../support/renewal-requirements.ts';

describe.each(engines)('licence status changes on %s', (engine) => {
  const t = deskUnderTest('status', { engine, size: 300, seed: 11, role: 'supervisor' });
  const { dir, legacy, cached, policyAs } = t;
  const json = <T>(args: string[]): T => JSON.parse(workbenchOk(dir, args)) as T;
  const used = new Set<string>();
  /** An active licence not used by an earlier case; `renewable`: inside its renewal window (90 days). */
  const pick = (renewable = false) => {
    const row = cached<{ id: string }>(
      renewable
        ? `SELECT id FROM licence WHERE status = 'active' AND expires_on > date('now', '+5 days') AND expires_on < date('now', '+80 days') ORDER BY id`
        : `SELECT id FROM licence WHERE status = 'active' AND expires_on > '2027-06-01' ORDER BY id`,
    ).find(
      (r) =>
        !used.has(r.id) &&
        // a licence to renew misses none of its type's renewal requirements (requirements.yaml)
        (!renewable || meetingRenewalRequirementsIn(dir, [r.id]).length === 1),
    )!;
    used.add(row.id);
    return row.id;
  };
  const legacyStatus = async (id: string) =>
    String(
      (await legacy<{ LICSTS: string }>(`SELECT {LICSTS} FROM {LICMST} WHERE {LICNO} = '${id}'`))[0]!.LICSTS,
    ).trim();
  const cachedStatus = (id: string) =>
    cached<{ status: string }>('SELECT status FROM licence WHERE id = ?', id)[0]!.status;

  it('a suspension, then its reinstatement, reach LICMST; the reason stays in the outbox and the audit log', async () => {
    const id = pick();
    const suspended = json<{ operationId: string; payload: Record<string, unknown> }>([
      'suspend',
      id,
      '--reason',
      'Hearing on 3 March: unpaid fines',
      '--json',
    ]);
    expect(suspended.payload).toMatchObject({
      action: 'suspend',
      from: 'active',
      to: 'suspended',
      reason: 'Hearing on 3 March: unpaid fines',
    });
    expect(cachedStatus(id)).toBe('suspended');
    expect(
      cached<{ detail: string }>(
        `SELECT detail FROM audit_log WHERE action = 'licence.suspend' AND subject = ?`,
        id,
      ).map((a) => JSON.parse(a.detail) as Record<string, unknown>)[0],
    ).toMatchObject({
      operationId: suspended.operationId,
      from: 'active',
      to: 'suspended',
      reason: 'Hearing on 3 March: unpaid fines',
    });

    expect(json<{ push: Record<string, unknown> }>(['sync', '--json']).push).toMatchObject({
      applied: 1,
      conflicts: 0,
    });
    expect(await legacyStatus(id)).toBe('S');
    expect(cachedStatus(id)).toBe('suspended');

    workbenchOk(dir, ['reinstate', id, '--reason', 'Fines paid']);
    expect(json<{ push: Record<string, unknown> }>(['sync', '--json']).push).toMatchObject({
      applied: 1,
      conflicts: 0,
    });
    expect(await legacyStatus(id)).toBe('A');
    expect(cachedStatus(id)).toBe('active');
    // The licence's status history at this desk: both changes, their reasons, both in the legacy DB.
    const desk = openDesk({ dataDir: dir });
    try {
      const { changes } = await createHandlers(desk)['licences.statusHistory']({ licenceId: id });
      expect(changes.map((c) => [c.action, c.from, c.to, c.reason, c.state])).toEqual([
        ['reinstate', 'suspended', 'active', 'Fines paid', 'applied'],
        ['suspend', 'active', 'suspended', 'Hearing on 3 March: unpaid fines', 'applied'],
      ]);
    } finally {
      desk.close();
    }
  });

  it("a revocation shows 'revoked' after the refresh (Riverton's code R)", async () => {
    const id = pick();
    workbenchOk(dir, ['revoke', id, '--reason', 'Fraudulent application']);
    workbenchOk(dir, ['sync']);
    expect(await legacyStatus(id)).toBe('R');
    expect(cached(`SELECT * FROM pending_change WHERE record_id = ?`, id)).toEqual([]);
    expect(cachedStatus(id)).toBe('revoked');
    // Nothing moves a revoked licence again.
    const again = workbench(dir, ['reinstate', id, '--reason', 'Changed our mind']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('A revoked licence cannot be reinstated');
  });

  it('a status changed in the legacy database meanwhile turns the change into a conflict; nothing is overwritten', async () => {
    const id = pick();
    workbenchOk(dir, ['close', id, '--reason', 'Owner retired']);
    // Meanwhile, at the legacy system's own screens, someone suspends it.
    await legacy(`UPDATE {LICMST} SET {LICSTS} = 'S', {LICUPD} = '20991231120000' WHERE {LICNO} = '${id}'`);
    expect(syncParkingChanges(dir).push).toMatchObject({
      applied: 0,
      conflicts: 1,
    });
    expect(await legacyStatus(id)).toBe('S');
    const conflicts = json<
      Array<{ id: number; command: string; licenceId: string; fields: Array<{ field: string }> }>
    >(['conflicts', '--json']);
    const mine = conflicts.find((c) => c.licenceId === id)!;
    expect(mine.command).toBe('changeLicenceStatus');
    expect(mine.fields.map((f) => f.field)).toContain('status');
    // The person decides to close it anyway: the machine allows closing a suspended licence, so
    // the change is applied again from the status the legacy record has now.
    workbenchOk(dir, [
      'conflicts',
      'resolve',
      String(mine.id),
      '--apply-again',
      '--reason',
      'Closed all the same',
    ]);
    expect(json<{ push: Record<string, unknown> }>(['sync', '--json']).push).toMatchObject({
      applied: 1,
      conflicts: 0,
    });
    expect(await legacyStatus(id)).toBe('C');
    expect(cachedStatus(id)).toBe('closed');
  });

  it('a clerk is refused a suspension by the service, in plain words; nothing is recorded', async () => {
    const id = pick();
    policyAs('clerk');
    try {
      const before = json<unknown[]>(['outbox', '--all', '--json']).length;
      const refused = workbench(dir, ['suspend', id, '--reason', 'Complaint']);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(
        'Only a supervisor or an admin may suspend a licence; you are signed in as a clerk. Ask a supervisor to do it.',
      );
      // The contract refuses too (the UI's buttons are not the guard), with the machine's code.
      const desk = openDesk({ dataDir: dir });
      try {
        const refusedByContract = await createHandlers(desk)
          ['licences.changeStatus']({ licenceId: id, action: 'revoke', reason: 'Complaint' })
          .catch((e: unknown) => e);
        expect(isWorkbenchError(refusedByContract) && refusedByContract.toShape()).toMatchObject({
          code: 'forbidden',
          fields: { statusRefusal: 'role_not_allowed' },
        });
      } finally {
        desk.close();
      }
      expect(json<unknown[]>(['outbox', '--all', '--json'])).toHaveLength(before);
      expect(cachedStatus(id)).toBe('active');
      // Without a reason a supervisor is refused too.
      policyAs('supervisor');
      const noReason = workbench(dir, ['suspend', id, '--reason', '  ']);
      expect(noReason.status).toBe(1);
      expect(noReason.stderr).toContain('Give a reason to suspend this licence');
    } finally {
      policyAs('supervisor');
    }
  });

  it.runIf(engine === 'sqlite')(
    'with the legacy link cut, a revocation is recorded on the desk and reaches LICMST once the link is back',
    async () => {
      const id = pick();
      cutSqliteLegacy(dir);
      try {
        workbenchOk(dir, ['revoke', id, '--reason', 'Operating without insurance']);
        expect(cachedStatus(id)).toBe('revoked');
        expect(workbench(dir, ['sync']).status).not.toBe(0);
      } finally {
        restoreSqliteLegacy(dir);
      }
      expect(await legacyStatus(id)).toBe('A');
      expect(json<{ push: Record<string, unknown> }>(['sync', '--json']).push).toMatchObject({
        applied: 1,
        conflicts: 0,
      });
      expect(await legacyStatus(id)).toBe('R');
      expect(cachedStatus(id)).toBe('revoked');
    },
  );

  it.runIf(engine === 'sqlite')(
    'a certificate for an active licence verifies as valid; it follows the licence afterwards',
    async () => {
      const id = pick(true);
      const issued = json<{
        certificate: { verificationCode: string; certificateNo: string };
        savedTo: string;
      }>(['certificate', 'issue', id, '--json']);
      expect(issued.certificate.verificationCode).toMatch(
        /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/,
      );
      const { pdfText } = await import('../support/pdf-text.ts');
      const text = await pdfText(readFileSync(issued.savedTo));
      expect(text).toContain('Business Licence Certificate');
      expect(text).toContain(id);
      expect(text).toContain(issued.certificate.verificationCode);
      const verify = (code: string) =>
        json<{ answer: string; changed: string[] }>(['certificate', 'verify', code, '--json']);
      // Typed carelessly: lower case, spaces for dashes, O for 0 and l for 1.
      const sloppy = issued.certificate.verificationCode
        .toLowerCase()
        .replace(/-/g, ' ')
        .replace(/0/g, 'o')
        .replace(/1/g, 'l');
      expect(verify(sloppy).answer).toBe('valid');
      expect(verify('7KQ3-M9XT-2RD').answer).toMatch(/^(unknown|mistyped)$/);
      // Renewed since: the certificate is superseded.
      workbenchOk(dir, ['renew', id]);
      expect(verify(issued.certificate.verificationCode)).toMatchObject({
        answer: 'superseded',
        changed: ['expiresOn'],
      });
      // Nothing pending may change it when a certificate is printed.
      const pending = workbench(dir, ['certificate', 'issue', id]);
      expect(pending.status).toBe(1);
      expect(pending.stderr).toContain('has a change that has not reached the legacy system yet');
      workbenchOk(dir, ['sync']);
      const second = json<{ certificate: { verificationCode: string } }>([
        'certificate',
        'issue',
        id,
        '--language',
        'es',
        '--json',
      ]);
      expect(verify(second.certificate.verificationCode).answer).toBe('valid');
      workbenchOk(dir, ['suspend', id, '--reason', 'Inspection failed']);
      expect(verify(second.certificate.verificationCode).answer).toBe('suspended');
      const refused = workbench(dir, ['certificate', 'issue', id]);
      expect(refused.stderr).toContain('only an active licence gets a certificate');
    },
  );
});
