// The payment receipt as drawn from a ReceiptInput, in English and Spanish: the provisional mark,
// cash tendered and change, check and card details, and the VOID / REFUNDED marks.
import { describe, expect, it } from 'vitest';
import { type ReceiptInput, receiptFileName, renderReceipt } from '../../src-main/node/documents/receipt.ts';
import { pdfInfo, pdfPages, pdfText } from '../support/pdf-text.ts';

const cashPayment: ReceiptInput = {
  city: 'Riverton',
  desk: 'front-desk-1',
  printedAt: '2026-11-23T09:31:00-06:00',
  paymentId: 'local:5c2d0a7e-0000-4000-8000-000000000001',
  receiptNo: 'D-front-desk-1-000042',
  provisional: true,
  paidAt: '2026-11-23T09:30:05-06:00',
  paidOn: '2026-11-23',
  licenceId: 'BL-001234',
  licenceTypeName: 'Food Service',
  businessName: 'Panadería Núñez',
  dbaName: 'La Esquina',
  ownerName: 'María Núñez',
  addressLines: ['12 Main St', 'Riverton, TX 75001'],
  amountCents: 12_450,
  method: 'cash',
  tenderedCents: 20_000,
  changeCents: 7_550,
  clerk: 'jdoe',
};

describe('payment receipt', () => {
  it('prints a provisional cash receipt in English with tendered and change', async () => {
    const bytes = await renderReceipt(cashPayment, 'en');
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const expected of [
      'RIVERTON',
      'Payment receipt',
      'PROVISIONAL RECEIPT NUMBER',
      'D-front-desk-1-000042 (provisional)',
      'November 23, 2026 at 9:30 AM',
      'BL-001234',
      'Food Service',
      'Panadería Núñez',
      'La Esquina',
      '12 Main St',
      'Riverton, TX 75001',
      'Total paid $124.50',
      'Cash',
      'Amount tendered $200.00',
      'Change given $75.50',
      'Clerk jdoe',
      'front-desk-1',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('VOID');
    expect(text).not.toContain('COPY');
    expect(await pdfText(await renderReceipt({ ...cashPayment, reprint: true }, 'en'))).toContain(
      'COPY - reprint of a receipt already given',
    );
    expect(await pdfInfo(bytes)).toMatchObject({ author: 'front-desk-1', language: 'en-US' });
  });

  it('prints the same receipt in Spanish', async () => {
    const text = await pdfText(await renderReceipt(cashPayment, 'es'));
    for (const expected of [
      'Recibo de pago',
      'NÚMERO DE RECIBO PROVISIONAL',
      '23 de noviembre de 2026',
      'Efectivo',
      'Importe entregado $200.00',
      'Cambio devuelto $75.50',
      'Total pagado $124.50',
      'Página 1 de 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints a legacy check payment without the provisional mark, with its number', async () => {
    const text = await pdfText(
      await renderReceipt(
        {
          ...cashPayment,
          paymentId: '88123',
          receiptNo: 'R0088123',
          provisional: false,
          provisionalReceiptNo: 'D-front-desk-1-000042',
          paidAt: null,
          method: 'check',
          tenderedCents: null,
          changeCents: null,
          checkNumber: '10451',
          clerk: null,
        },
        'en',
      ),
    );
    expect(text).not.toContain('PROVISIONAL RECEIPT NUMBER');
    expect(text).toContain('Receipt No. R0088123');
    expect(text).toContain('Provisional number D-front-desk-1-000042');
    expect(text).toContain('Check number 10451');
    expect(text).toContain('November 23, 2026');
    expect(text).not.toContain('Amount tendered');
  });

  it('marks a voided card payment and a refund, in both languages', async () => {
    const voided = {
      ...cashPayment,
      method: 'card' as const,
      cardReference: 'AUTH-77Q',
      tenderedCents: null,
      changeCents: null,
      reversal: {
        kind: 'void' as const,
        at: '2026-11-23T10:00:00-06:00',
        by: 'boss',
        reason: 'Wrong licence',
      },
    };
    const en = await pdfText(await renderReceipt(voided, 'en'));
    expect(en).toContain('VOID - this payment was cancelled');
    expect(en).toContain('by boss. Reason: Wrong licence');
    expect(en).toContain('Card reference AUTH-77Q');
    const es = await pdfText(
      await renderReceipt(
        { ...voided, reversal: { kind: 'refund', amountCents: 2_000, reason: 'Cobro doble' } },
        'es',
      ),
    );
    expect(es).toContain('REEMBOLSADO - se devolvieron $20.00');
    expect(es).toContain('Motivo: Cobro doble');
    expect(es).toContain('Tarjeta');
  });

  it('names the file after the receipt number', () => {
    expect(receiptFileName(cashPayment)).toBe('receipt-D-front-desk-1-000042.pdf');
    expect(receiptFileName({ receiptNo: null, paymentId: 'local:abcdef12-3' })).toBe('receipt-abcdef12.pdf');
  });
});
