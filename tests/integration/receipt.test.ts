// A receipt through the contract on a real demo desk: a payment taken at the counter prints with
// its provisional number (and is kept under documents/receipts/); once sync has taken it to the
// legacy database, the same receipt prints with the legacy number, by either id; cash tendered and
// change come from the drawer, and a void made by a supervisor marks the receipt VOID.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../src-main/common/contract.ts';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { pdfText } from '../support/pdf-text.ts';
import { canonicalSnapshot } from './support/canonical-snapshot.ts';
import { newDeskDir, workbenchOk } from './support/workbench-cli.ts';

const dir = newDeskDir('receipt');
let desk: Desk;
let handlers: Handlers;
let licenceId = '';

beforeAll(() => {
  workbenchOk(dir, ['demo', 'create', '--engine', 'sqlite', '--size', '200', '--seed', '5']);
  workbenchOk(dir, ['sync']);
  licenceId = String(canonicalSnapshot(dir).licence!.find((l) => l.status === 'active')!.id);
  desk = openDesk({ dataDir: dir });
  handlers = createHandlers(desk);
}, 120_000);
afterAll(() => {
  desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Takes a payment as the counter does: in an open drawer, when this build has drawers. */
async function takePayment() {
  const withDrawer = handlers as Partial<Record<string, (input: unknown) => Promise<unknown>>>;
  if (withDrawer['drawer.open'] && withDrawer['drawer.current']) {
    const current = (await withDrawer['drawer.current']({})) as { session: unknown };
    if (!current.session) await withDrawer['drawer.open']({ floatCents: 10_000 });
  }
  return handlers['payments.record']({
    licenceId,
    amountCents: 12_345,
    method: 'cash',
    tenderedCents: 20_000,
  });
}

describe('documents.receipt', () => {
  let paymentId = '';
  let receiptNo = '';

  it('prints a provisional payment with its desk number, and keeps the file on the desk', async () => {
    const paid = await takePayment();
    paymentId = paid.paymentId;
    receiptNo = paid.receiptNo;
    expect(paymentId).toMatch(/^local:/);
    const doc = await handlers['documents.receipt']({ paymentId, language: 'en' });
    const bytes = Buffer.from(doc.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.mimeType).toBe('application/pdf');
    expect(doc.fileName).toBe(`receipt-${receiptNo}.pdf`);
    expect(doc.savedTo).toBe(join(dir, 'documents', 'receipts', doc.fileName));
    expect(readFileSync(doc.savedTo).equals(bytes)).toBe(true);
    const text = await pdfText(bytes);
    expect(text).toContain('PROVISIONAL RECEIPT NUMBER');
    expect(text).toContain(`${receiptNo} (provisional)`);
    expect(text).toContain(licenceId);
    expect(text).toContain('Total paid $123.45');
    expect(text).not.toContain('COPY');
    expect(text).toContain('Amount tendered $200.00');
    expect(text).toContain('Change given $76.55');
  });

  it('prints it in Spanish, kept beside the first print', async () => {
    const doc = await handlers['documents.receipt']({ paymentId, language: 'es' });
    expect(doc.savedTo).toBe(join(dir, 'documents', 'receipts', `receipt-${receiptNo}-2.pdf`));
    expect(existsSync(doc.savedTo)).toBe(true);
    const text = await pdfText(doc.base64);
    expect(text).toContain('NÚMERO DE RECIBO PROVISIONAL');
    expect(text).toContain('Total pagado $123.45');
    expect(text).toContain('COPIA - reimpresión de un recibo ya entregado');
  });

  it('after sync, prints the legacy number by the provisional id and by the legacy id', async () => {
    await handlers['sync.now']({});
    const settled = (await handlers['licences.get']({ licenceId })).settledPayments.find(
      (s) => s.provisionalReceipt === receiptNo,
    );
    expect(settled?.receiptNo).toBeTruthy();
    for (const id of [paymentId, settled!.paymentId]) {
      const text = await pdfText(
        (await handlers['documents.receipt']({ paymentId: id, language: 'en' })).base64,
      );
      expect(text).not.toContain('PROVISIONAL RECEIPT NUMBER');
      expect(text).toContain(`Provisional number ${receiptNo}`);
      expect(text).toContain('COPY - reprint');
      expect(text).toContain(`Receipt No. ${settled!.receiptNo}`);
    }
  });

  it('a voided payment prints with the VOID mark, the supervisor and the reason', async () => {
    writeFileSync(
      join(dir, 'policy.yaml'),
      `version: 1\naccounts:\n  ${JSON.stringify(userInfo().username)}: supervisor\n`,
    );
    await handlers['payments.void']({ paymentId, reason: 'Charged to the wrong licence' });
    const text = await pdfText((await handlers['documents.receipt']({ paymentId, language: 'en' })).base64);
    expect(text).toContain('VOID - this payment was cancelled');
    expect(text).toContain(`by ${userInfo().username}. Reason: Charged to the wrong licence`);
    const es = await pdfText((await handlers['documents.receipt']({ paymentId, language: 'es' })).base64);
    expect(es).toContain('ANULADO - este pago fue cancelado');
  });

  it('prints from the command line too: workbench receipt <payment> --language es --out file', async () => {
    desk.close(); // the command line opens the desk itself
    const out = join(dir, 'copy.pdf');
    const printed = JSON.parse(
      workbenchOk(dir, ['receipt', paymentId, '--language', 'es', '--out', out, '--json']),
    );
    expect(printed.savedTo).toMatch(/documents[/\\]receipts[/\\]receipt-.+\.pdf$/);
    expect(printed.base64).toBeUndefined();
    expect(await pdfText(new Uint8Array(readFileSync(out)))).toContain('Recibo de pago');
    desk = openDesk({ dataDir: dir });
    handlers = createHandlers(desk);
  });

  it('prints a payment made before the workbench (a legacy row only): its number, no clerk, no drawer details', async () => {
    const legacy = canonicalSnapshot(dir).payment!.find(
      (p) => !String(p.id).startsWith('local:') && p.receipt_no && p.licence_id !== licenceId,
    )!;
    const doc = await handlers['documents.receipt']({ paymentId: String(legacy.id), language: 'en' });
    const text = await pdfText(doc.base64);
    expect(text).toContain(`Receipt No. ${String(legacy.receipt_no).trim()}`);
    expect(text).toContain(String(legacy.licence_id));
    expect(text).not.toContain('PROVISIONAL');
    expect(text).not.toContain('Clerk');
    expect(text).not.toContain('Amount tendered');
  });

  it('refuses a payment the desk does not have, in plain words', async () => {
    const refused = await handlers['documents.receipt']({ paymentId: 'nope', language: 'en' }).catch(
      (e: unknown) => e,
    );
    expect(isWorkbenchError(refused) && refused.code).toBe('not_found');
  });
});
