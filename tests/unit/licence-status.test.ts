import { describe, expect, it } from 'vitest';
import { renewableStatuses } from '../../src-main/common/licence-rules.ts';
import {
  availableStatusActions,
  decideStatusChange,
  licenceStatusActionTable,
  licenceStatusActions,
  staffRoles,
  statusMachineStatuses,
  statusTransition,
  type LicenceStatusAction,
  type StatusActor,
  type StatusMachineStatus,
} from '../../src-main/common/licence-status.ts';
import { licenceStatuses } from '../../src-main/common/model.ts';

// The machine written out by hand, independently of the source: for each status, each action,
// either the status it lands on or the refusal code.
const expected: Record<StatusMachineStatus, Record<LicenceStatusAction, string>> = {
  active: {
    suspend: '-> suspended',
    revoke: '-> revoked',
    close: '-> closed',
    reinstate: 'not_suspended',
    renew: '-> active',
    expire: '-> expired',
  },
  expired: {
    suspend: '-> suspended',
    revoke: '-> revoked',
    close: '-> closed',
    reinstate: 'not_suspended',
    renew: '-> active',
    expire: 'already_in_status',
  },
  suspended: {
    suspend: 'already_in_status',
    revoke: '-> revoked',
    close: '-> closed',
    reinstate: '-> active',
    renew: 'suspended_needs_reinstatement',
    expire: 'suspended_needs_reinstatement',
  },
  closed: {
    suspend: 'licence_ended',
    revoke: 'licence_ended',
    close: 'already_in_status',
    reinstate: 'licence_ended',
    renew: 'licence_ended',
    expire: 'licence_ended',
  },
  revoked: {
    suspend: 'licence_ended',
    revoke: 'already_in_status',
    close: 'licence_ended',
    reinstate: 'licence_ended',
    renew: 'licence_ended',
    expire: 'licence_ended',
  },
  unknown: {
    suspend: 'status_unknown',
    revoke: 'status_unknown',
    close: 'status_unknown',
    reinstate: 'status_unknown',
    renew: 'status_unknown',
    expire: 'status_unknown',
  },
};

// Who may take each action, and whether a reason is needed.
const mayAct: Record<LicenceStatusAction, StatusActor[]> = {
  suspend: ['supervisor', 'admin'],
  revoke: ['supervisor', 'admin'],
  close: ['supervisor', 'admin'],
  reinstate: ['supervisor', 'admin'],
  renew: ['clerk', 'supervisor', 'admin'],
  expire: ['system'],
};
const needsReason: Record<LicenceStatusAction, boolean> = {
  suspend: true,
  revoke: true,
  close: true,
  reinstate: true,
  renew: false,
  expire: false,
};
const actors: StatusActor[] = [...staffRoles, 'system'];

const outcome = (status: StatusMachineStatus, action: LicenceStatusAction): string => {
  const decision = decideStatusChange(status, action, {
    role: mayAct[action][0]!,
    reason: 'Hearing set for 2026-12-01',
  });
  return decision.ok ? `-> ${decision.next}` : decision.code;
};

/** The sentence a change is refused with ('' when it is allowed). */
const refusal = (...args: Parameters<typeof decideStatusChange>): string => {
  const decision = decideStatusChange(...args);
  return decision.ok ? '' : decision.message;
};

describe('the licence status machine', () => {
  it('covers every status the model knows, revoked included', () => {
    expect([...statusMachineStatuses].sort()).toEqual([...licenceStatuses].sort());
    expect(licenceStatuses).toContain('revoked');
    expect(Object.keys(expected).sort()).toEqual([...statusMachineStatuses].sort());
  });

  for (const status of statusMachineStatuses) {
    for (const action of licenceStatusActions) {
      it(`${action} from ${status}: ${expected[status][action]}`, () => {
        expect(outcome(status, action)).toBe(expected[status][action]);
        // The role-free view says the same thing.
        const t = statusTransition(status, action);
        expect(t.ok ? `-> ${t.next}` : t.code).toBe(expected[status][action]);
      });
    }
  }

  it('renews from exactly the statuses licence-rules calls renewable', () => {
    const renewable = statusMachineStatuses.filter((s) => statusTransition(s, 'renew').ok);
    expect(renewable).toEqual([...renewableStatuses]);
  });

  it('refuses impossible moves with a plain sentence that says what to do', () => {
    const refusals: Partial<Record<`${StatusMachineStatus} ${LicenceStatusAction}`, string>> = {
      'closed suspend': 'A closed licence cannot be suspended; it must be issued again as a new application.',
      'revoked reinstate':
        'A revoked licence cannot be reinstated; it must be issued again as a new application.',
      'suspended renew': 'A suspended licence cannot be renewed; a supervisor must reinstate it first.',
      'active reinstate': 'An active licence is not suspended, so there is nothing to reinstate.',
      'expired reinstate':
        'An expired licence is not suspended, so there is nothing to reinstate. Renew it instead.',
      'suspended suspend': 'This licence is already suspended.',
      'unknown close':
        'A licence whose status is unknown cannot be closed. Refresh it from the legacy system, or have its status corrected there first.',
    };
    for (const [move, message] of Object.entries(refusals)) {
      const [status, action] = move.split(' ') as [StatusMachineStatus, LicenceStatusAction];
      expect(refusal(status, action, { role: 'supervisor', reason: 'x' }), move).toBe(message);
    }
    expect(refusal('suspended', 'expire', { role: 'system' })).toMatch(/stays suspended until a supervisor/);
  });

  it('reports the status and action of a refusal so the UI can translate it', () => {
    expect(decideStatusChange('closed', 'renew', { role: 'clerk' })).toMatchObject({
      ok: false,
      code: 'licence_ended',
      status: 'closed',
      action: 'renew',
    });
  });
});

describe('reasons', () => {
  for (const action of licenceStatusActions) {
    const from = licenceStatusActionTable.find((r) => r.action === action)!.from[0]!;
    const role = mayAct[action][0]!;
    if (needsReason[action]) {
      it(`${action} needs a reason`, () => {
        for (const reason of [undefined, null, '', '   \n']) {
          const d = decideStatusChange(from, action, { role, reason });
          expect(d).toMatchObject({ ok: false, code: 'reason_required' });
          expect(d.ok ? '' : d.message).toBe(
            `Give a reason to ${action} this licence; it is kept in the licence's history and the audit log.`,
          );
        }
        expect(decideStatusChange(from, action, { role, reason: '  Unpaid inspection fee  ' })).toMatchObject(
          {
            ok: true,
            reason: 'Unpaid inspection fee',
          },
        );
      });
    } else {
      it(`${action} needs no reason`, () => {
        expect(decideStatusChange(from, action, { role })).toEqual({
          ok: true,
          next: expected[from][action].slice(3),
          reason: null,
        });
      });
    }
  }
});

describe('roles', () => {
  for (const action of licenceStatusActions) {
    const from = licenceStatusActionTable.find((r) => r.action === action)!.from[0]!;
    for (const role of actors) {
      const allowed = mayAct[action].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        const d = decideStatusChange(from, action, { role, reason: 'Owner asked in writing' });
        expect(d.ok ? 'ok' : d.code).toBe(allowed ? 'ok' : 'role_not_allowed');
      });
    }
  }

  it('says who may act and who the person is', () => {
    const refusals: Partial<Record<`${LicenceStatusAction} ${StatusActor}`, string>> = {
      'suspend clerk':
        'Only a supervisor or an admin may suspend a licence; you are signed in as a clerk. Ask a supervisor to do it.',
      'revoke inspector':
        'Only a supervisor or an admin may revoke a licence; you are signed in as an inspector. Ask a supervisor to do it.',
      'renew inspector':
        'Only a clerk, a supervisor or an admin may renew a licence; you are signed in as an inspector. Ask a clerk to do it.',
      'close system':
        'Only a supervisor or an admin may close a licence; the nightly run may not. Ask a supervisor to do it.',
      'expire admin':
        'Licences are marked expired only by the nightly run, not by an admin. Renew, suspend or close the licence instead.',
    };
    for (const [who, message] of Object.entries(refusals)) {
      const [action, role] = who.split(' ') as [LicenceStatusAction, StatusActor];
      const from = licenceStatusActionTable.find((r) => r.action === action)!.from[0]!;
      expect(refusal(from, action, { role, reason: 'r' }), who).toBe(message);
    }
  });

  it('checks the move before the role, so nobody fetches a supervisor for an impossible move', () => {
    expect(decideStatusChange('closed', 'suspend', { role: 'clerk' })).toMatchObject({
      code: 'licence_ended',
    });
    // ...and the role before the reason.
    expect(decideStatusChange('active', 'suspend', { role: 'clerk' })).toMatchObject({
      code: 'role_not_allowed',
    });
  });

  it('lists the actions a role can take from a status', () => {
    expect(availableStatusActions('active', 'clerk')).toEqual(['renew']);
    expect(availableStatusActions('active', 'supervisor')).toEqual(['suspend', 'revoke', 'close', 'renew']);
    expect(availableStatusActions('suspended', 'admin')).toEqual(['revoke', 'close', 'reinstate']);
    expect(availableStatusActions('active', 'system')).toEqual(['expire']);
    expect(availableStatusActions('closed', 'admin')).toEqual([]);
    expect(availableStatusActions('active', 'inspector')).toEqual([]);
  });
});

describe('dates', () => {
  const today = '2026-11-23';
  it('reinstates to expired when the expiry date passed during the suspension', () => {
    const reinstate = (expiresOn: string | null) =>
      decideStatusChange('suspended', 'reinstate', {
        role: 'supervisor',
        reason: 'Hearing found no breach',
        dates: { expiresOn, today },
      });
    expect(reinstate('2026-11-22')).toMatchObject({ ok: true, next: 'expired' });
    expect(reinstate('2026-11-23')).toMatchObject({ ok: true, next: 'active' });
    expect(reinstate(null)).toMatchObject({ ok: true, next: 'active' });
  });

  it('lets the nightly run expire a licence only after its last day', () => {
    const expire = (expiresOn: string | null) =>
      decideStatusChange('active', 'expire', { role: 'system', dates: { expiresOn, today } });
    expect(expire('2026-11-22')).toMatchObject({ ok: true, next: 'expired' });
    expect(expire('2026-11-23')).toEqual({
      ok: false,
      code: 'not_yet_expired',
      message: 'This licence runs until 2026-11-23; it cannot be marked expired before then.',
      status: 'active',
      action: 'expire',
    });
    expect(expire(null)).toMatchObject({ ok: false, code: 'not_yet_expired' });
  });
});

describe('the help table', () => {
  it('lists every action with its statuses, roles and reason rule', () => {
    expect(licenceStatusActionTable.map((r) => r.action)).toEqual([...licenceStatusActions]);
    for (const row of licenceStatusActionTable) {
      expect(row.actors).toEqual(mayAct[row.action]);
      expect(row.reasonRequired).toBe(needsReason[row.action]);
      const from = statusMachineStatuses.filter((s) => expected[s][row.action].startsWith('->'));
      expect([...row.from].sort()).toEqual(from.sort());
      expect(row.label).toMatch(/^[A-Z][a-z]+$/);
      expect(row.explanation.length).toBeGreaterThan(20);
    }
  });
});
