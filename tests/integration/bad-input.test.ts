// Issue 11 part 4: every entry point holds the contract's limits. The same bad inputs are given to
// both transports of a demo desk: the dispatcher as the UI and `workbench serve` call it
// (createDispatcher(createHandlers(desk))), and the command line run as a child process. Each is
// refused with the same plain sentence, and nothing is written: the outbox, payment, drawer and
// audit rows of the desk's cache stay as they were. In particular `pay --amount 999999999999`
// (past the legacy DECIMAL, it used to be taken and then block replay) is refused by the command
// line with the UI's message.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, OperationName } from '../../src-main/common/contract.ts';
import { createDispatcher } from '../../src-main/common/dispatch.ts';
import {
  countedCentsMessage,
  MAX_CENTS,
  maxCentsMessage,
  positiveCentsMessage,
  wholeCentsMessage,
} from '../../src-main/common/model.ts';
import { openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { deskUnderTest, withCache } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

const { dir, policyAs } = deskUnderTest('bad-input', { size: 80, seed: 11, role: 'supervisor' });
let licenceId = '';
let paymentId = '';

/** What the desk has written: every table a refused command could have touched. */
const counts = () =>
  withCache(dir, (db) => {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      outbox: n('SELECT count(*) AS n FROM outbox'),
      payments: n('SELECT count(*) AS n FROM payment'),
      drawerEntries: n('SELECT count(*) AS n FROM drawer_entry'),
      drawerSessions: n('SELECT count(*) AS n FROM drawer_session'),
      closedSessions: n('SELECT count(*) AS n FROM drawer_session WHERE closed_at IS NOT NULL'),
      audit: n('SELECT count(*) AS n FROM audit_log'),
      pastLimit: n(`SELECT count(*) AS n FROM payment WHERE abs(amount_cents) > ${MAX_CENTS}`),
    };
  });

/** The UI's transport: the one dispatcher, with this desk's handlers. */
async function dispatch(operation: OperationName, input: unknown): Promise<CallResult> {
  const desk = openDesk({ dataDir: dir });
  try {
    const internal: unknown[] = [];
    const result = await createDispatcher(createHandlers(desk), (err) => internal.push(err))(
      operation,
      input,
    );
    expect(internal).toEqual([]);
    return result;
  } finally {
    desk.close();
  }
}

beforeAll(() => {
  licenceId = withCache(
    dir,
    (db) => (db.prepare(`SELECT id FROM licence ORDER BY id LIMIT 1`).get() as { id: string }).id,
  );
  workbenchOk(dir, ['drawer', 'open', '--float', '0']);
  // A good payment goes through the command line's new path, and gives the refund rows a payment.
  paymentId = (
    JSON.parse(workbenchOk(dir, ['pay', licenceId, '--amount', '1500', '--method', 'cash', '--json'])) as {
      paymentId: string;
    }
  ).paymentId;
});

interface Row {
  name: string;
  /** The command line's words (after --data-dir). */
  cli: () => string[];
  /** The same request as the UI (or a script over `serve`) sends it. */
  operation: OperationName;
  input: () => unknown;
  /** The sentence both must show. */
  message: string | (() => string);
}

const pay =
  (amount: string, extra: string[] = []) =>
  () => ['pay', licenceId, '--amount', amount, '--method', 'cash', ...extra];
const payInput =
  (amountCents: unknown, extra: Record<string, unknown> = {}) =>
  () => ({
    licenceId,
    amountCents,
    method: 'cash',
    ...extra,
  });

const rows: Row[] = [
  {
    name: 'pay --amount 999999999999 (past the legacy DECIMAL)',
    cli: pay('999999999999'),
    operation: 'payments.record',
    input: payInput(999_999_999_999),
    message: maxCentsMessage,
  },
  {
    name: 'pay --amount 100000001 (one cent past the limit)',
    cli: pay('100000001'),
    operation: 'payments.record',
    input: payInput(100_000_001),
    message: maxCentsMessage,
  },
  {
    name: 'pay --amount 99999999999999999999 (more digits than a number holds)',
    cli: pay('99999999999999999999'),
    operation: 'payments.record',
    input: payInput(1e20),
    message: maxCentsMessage,
  },
  {
    name: 'pay --amount 0x10',
    cli: pay('0x10'),
    operation: 'payments.record',
    input: payInput('0x10'),
    message: wholeCentsMessage,
  },
  {
    name: 'pay --amount 1e3',
    cli: pay('1e3'),
    operation: 'payments.record',
    input: payInput('1e3'),
    message: wholeCentsMessage,
  },
  {
    name: 'pay --amount 007',
    cli: pay('007'),
    operation: 'payments.record',
    input: payInput('007'),
    message: wholeCentsMessage,
  },
  {
    name: 'pay --amount 12.50',
    cli: pay('12.50'),
    operation: 'payments.record',
    input: payInput(12.5),
    message: wholeCentsMessage,
  },
  {
    name: "pay --amount ''",
    cli: pay(''),
    operation: 'payments.record',
    input: payInput(''),
    message: wholeCentsMessage,
  },
  {
    name: 'pay --amount -5',
    cli: pay('-5'),
    operation: 'payments.record',
    input: payInput(-5),
    message: positiveCentsMessage,
  },
  {
    name: 'pay --amount 0',
    cli: pay('0'),
    operation: 'payments.record',
    input: payInput(0),
    message: positiveCentsMessage,
  },
  {
    name: 'pay --tendered 999999999999',
    cli: pay('1500', ['--tendered', '999999999999']),
    operation: 'payments.record',
    input: payInput(1500, { tenderedCents: 999_999_999_999 }),
    message: maxCentsMessage,
  },
  {
    name: 'pay --method bitcoin',
    cli: () => ['pay', licenceId, '--amount', '1500', '--method', 'bitcoin'],
    operation: 'payments.record',
    input: () => ({ licenceId, amountCents: 1500, method: 'bitcoin' }),
    message: 'A payment method is one of cash, check, card, other.',
  },
  {
    name: "pay '' (no licence number)",
    cli: () => ['pay', '', '--amount', '1500', '--method', 'cash'],
    operation: 'payments.record',
    input: () => ({ licenceId: '', amountCents: 1500, method: 'cash' }),
    message: 'A licence number is needed.',
  },
  {
    name: 'pay with a 65-character licence number',
    cli: () => ['pay', 'L'.repeat(65), '--amount', '1500', '--method', 'cash'],
    operation: 'payments.record',
    input: () => ({ licenceId: 'L'.repeat(65), amountCents: 1500, method: 'cash' }),
    message: 'A licence number is at most 64 characters.',
  },
  {
    name: 'pay on a licence the desk does not hold',
    cli: () => ['pay', 'NOPE-404', '--amount', '1500', '--method', 'cash'],
    operation: 'payments.record',
    input: () => ({ licenceId: 'NOPE-404', amountCents: 1500, method: 'cash' }),
    message: 'Licence NOPE-404 is not on this desk. Check the number, or refresh the desk.',
  },
  {
    name: "renew '' (no licence number)",
    cli: () => ['renew', ''],
    operation: 'licences.renew',
    input: () => ({ licenceId: '' }),
    message: 'A licence number is needed.',
  },
  {
    name: 'refund --amount 999999999999',
    cli: () => ['refund', paymentId, '--amount', '999999999999', '--reason', 'typo'],
    operation: 'payments.refund',
    input: () => ({ paymentId, amountCents: 999_999_999_999, reason: 'typo' }),
    message: maxCentsMessage,
  },
  {
    name: 'refund --amount 1e3',
    cli: () => ['refund', paymentId, '--amount', '1e3', '--reason', 'typo'],
    operation: 'payments.refund',
    input: () => ({ paymentId, amountCents: '1e3', reason: 'typo' }),
    message: wholeCentsMessage,
  },
  {
    name: 'refund --method bitcoin',
    cli: () => ['refund', paymentId, '--amount', '100', '--method', 'bitcoin', '--reason', 'typo'],
    operation: 'payments.refund',
    input: () => ({ paymentId, amountCents: 100, method: 'bitcoin', reason: 'typo' }),
    message: 'A payment method is one of cash, check, card, other.',
  },
  {
    name: 'drawer close --cash 999999999999',
    cli: () => ['drawer', 'close', '--cash', '999999999999', '--check', '0', '--card', '0'],
    operation: 'drawer.close',
    input: () => ({ cashCents: 999_999_999_999, checkCents: 0, cardCents: 0 }),
    message: maxCentsMessage,
  },
  {
    name: 'drawer close --check -1',
    cli: () => ['drawer', 'close', '--cash', '0', '--check', '-1', '--card', '0'],
    operation: 'drawer.close',
    input: () => ({ cashCents: 0, checkCents: -1, cardCents: 0 }),
    message: countedCentsMessage,
  },
  {
    name: 'drawer open --float 0x10',
    cli: () => ['drawer', 'open', '--float', '0x10'],
    operation: 'drawer.open',
    input: () => ({ floatCents: '0x10' }),
    message: wholeCentsMessage,
  },
];

describe('bad input is refused the same way by the UI’s dispatcher and the command line', () => {
  it.each(rows)('$name', async (row) => {
    const message = typeof row.message === 'function' ? row.message() : row.message;
    const before = counts();

    const ui = await dispatch(row.operation, row.input());
    expect(ui.ok).toBe(false);
    if (ui.ok) return;
    // The sentence the UI shows: the error's own, or the one beside the field.
    expect([ui.error.message, ...Object.values(ui.error.fields ?? {})]).toContain(message);
    expect(counts()).toEqual(before);

    const cli = workbench(dir, row.cli());
    expect(cli.status, cli.stdout).toBe(1);
    expect(cli.stderr).toContain(message);
    expect(cli.stdout).toBe('');
    expect(counts()).toEqual(before);
  });

  it('nothing past the limit reached the cache; the good payment did, once', () => {
    const c = counts();
    expect(c.pastLimit).toBe(0);
    expect(c.outbox).toBe(1);
    expect(c.closedSessions).toBe(0);
  });

  it('a role the policy does not allow is refused with the same sentence on both, nothing written', async () => {
    policyAs('inspector');
    try {
      const before = counts();
      const ui = await dispatch('payments.record', { licenceId, amountCents: 1500, method: 'cash' });
      expect(ui.ok).toBe(false);
      if (ui.ok) return;
      expect(ui.error.code).toBe('forbidden');
      const cli = workbench(dir, ['pay', licenceId, '--amount', '1500', '--method', 'cash']);
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`workbench: ${ui.error.message}`);
      expect(counts()).toEqual(before);
    } finally {
      policyAs('supervisor');
    }
  });
});

describe('with WB_LANG=es the command line says the same refusals in Spanish', () => {
  const es = { WB_LANG: 'es' };

  it('a role refusal: the role, what it may not do and who may, in Spanish; nothing written', () => {
    policyAs('inspector');
    try {
      const before = counts();
      const cli = workbench(dir, ['pay', licenceId, '--amount', '1500', '--method', 'cash'], undefined, es);
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(
        'workbench: Su función (inspector) no le permite cobrar pagos: eso corresponde a un empleado o supervisor o administrador.',
      );
      expect(cli.stderr).not.toContain('Your role');
      expect(counts()).toEqual(before);
      // English is still the default (the helper sets WB_LANG=en, as a machine without it would be).
      expect(workbench(dir, ['pay', licenceId, '--amount', '1500', '--method', 'cash']).stderr).toContain(
        'workbench: Your role (inspector) does not allow you to take payments',
      );
    } finally {
      policyAs('supervisor');
    }
  });

  it("a service's invalid input, in Spanish: a second cash drawer", () => {
    const before = counts();
    const cli = workbench(dir, ['drawer', 'open', '--float', '0'], undefined, es);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(
      /^workbench: Ya tiene una caja abierta en este puesto desde .+: ciérrela antes de abrir otra\. No se registró nada\.$/m,
    );
    expect(cli.stderr).not.toContain('You already have');
    expect(counts()).toEqual(before);
  });

  it("the contract's refusal of a field, in Spanish: the field beneath the sentence", async () => {
    const ui = await dispatch('payments.refund', {
      paymentId,
      amountCents: 100,
      method: 'bitcoin',
      reason: 'typo',
    });
    expect(!ui.ok && ui.error.fieldTexts?.method).toEqual({
      key: 'field.payment_method',
      params: { methods: 'cash, check, card, other' },
    });
    const cli = workbench(
      dir,
      ['refund', paymentId, '--amount', '100', '--method', 'bitcoin', '--reason', 'typo'],
      undefined,
      es,
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('Un medio de pago es uno de estos: cash, check, card, other.');
    expect(cli.stderr).not.toContain('A payment method is one of');
  });
});
