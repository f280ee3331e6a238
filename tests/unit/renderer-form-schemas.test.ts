// The UI's forms read typed text with one rule and hold it to the contract's own schemas
// (src-renderer/forms/), and every refusal is shown through one table of i18n keys
// (src-renderer/forms/field-errors.ts) that exists in English and Spanish.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src-main/common/contract.ts';
import { CountedMoney, MAX_CENTS, PositiveMoney } from '../../src-main/common/model.ts';
import {
  applicationResolver,
  businessFieldMax,
  emptyApplication,
} from '../../src-renderer/forms/application-form.ts';
import { closeDrawerSchema } from '../../src-renderer/forms/close-drawer-form.ts';
import { fieldErrorText } from '../../src-renderer/forms/field-errors.ts';
import { typedAmount } from '../../src-renderer/forms/money-field.ts';
import { openDrawerSchema } from '../../src-renderer/forms/open-drawer-form.ts';
import { emptyPayment, paymentFormSchema } from '../../src-renderer/forms/payment-form.ts';
import { emptyReversal, reversalSchema } from '../../src-renderer/forms/reversal-form.ts';
import { en } from '../../src-renderer/i18n/en.ts';
import { es } from '../../src-renderer/i18n/es.ts';
import { unknownBusinessFacts } from './support/business-facts.ts';

/** What react-hook-form gets from the resolver for these values: each field's first issue. */
async function errorsOf<V extends FieldValues>(resolver: Resolver<V, unknown, unknown>, values: NoInfer<V>) {
  const result = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return result.errors as Record<string, FieldError>;
}
const paymentResolver = zodResolver(paymentFormSchema);
const keyOfAmount = async (amount: string) => {
  const errors = await errorsOf(paymentResolver, { ...emptyPayment, amount });
  return errors.amount ? fieldErrorText('amount', errors.amount) : null;
};
/** The key the UI shows for the contract's own refusal of a number (no typed text involved). */
const contractKey = (schema: typeof PositiveMoney, cents: number) => {
  const refused = schema.safeParse(cents);
  if (refused.success) throw new Error(`${cents} was not refused`);
  return fieldErrorText('amount', {
    type: refused.error.issues[0]!.code,
    message: refused.error.issues[0]!.message,
  });
};
const lookUp = (resources: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources);

describe('a typed amount', () => {
  it('becomes exact cents', async () => {
    const amount = typedAmount(PositiveMoney, 'required');
    expect(amount.parse('12.50')).toBe(1250);
    expect(amount.parse('$1,250.29')).toBe(125029);
    expect(amount.parse('0.29')).toBe(29);
    expect(amount.parse('1000000.00')).toBe(MAX_CENTS);
    expect(await errorsOf(paymentResolver, { ...emptyPayment, amount: '12.50' })).toEqual({});
  });

  it('that is not dollars and cents is refused with the key of the contract\'s "whole number of cents"', async () => {
    const whole = contractKey(PositiveMoney, 12.5);
    expect(whole).toEqual({ key: 'counter.amountFormat' });
    for (const typed of ['0x10', '1e3', '007', '12.345', '-5', 'abc', '5$'])
      expect(await keyOfAmount(typed), typed).toEqual(whole);
  });

  it("past MAX_CENTS is refused with the contract's limit, named in the message", async () => {
    const tooLarge = contractKey(PositiveMoney, MAX_CENTS + 1);
    expect(tooLarge).toEqual({ key: 'counter.amountTooLarge', amounts: { max: MAX_CENTS } });
    expect(await keyOfAmount('1000000.01')).toEqual(tooLarge);
    expect(await keyOfAmount('99999999999999999999')).toEqual(tooLarge);
  });

  it('of zero is refused for a payment but is a fair count; empty is said apart', async () => {
    expect(await keyOfAmount('0')).toEqual(contractKey(PositiveMoney, 0));
    expect(await keyOfAmount('0')).toEqual({ key: 'counter.amountZero' });
    expect(await keyOfAmount('')).toEqual({ key: 'counter.amountEmpty' });
    expect(contractKey(CountedMoney, -1)).toEqual({ key: 'counter.amountNegative' });
    expect(openDrawerSchema.parse({ float: '' })).toEqual({ float: 0 });
    expect(closeDrawerSchema.parse({ cash: '220.00', check: '0', card: '' })).toEqual({
      cash: 22000,
      check: 0,
      card: 0,
    });
    const closeErrors = await errorsOf(zodResolver(closeDrawerSchema), {
      cash: '1e3',
      check: '',
      card: '2000000',
    });
    expect(fieldErrorText('cash', closeErrors.cash!)).toEqual({ key: 'counter.amountFormat' });
    expect(closeErrors.check).toBeUndefined();
    expect(fieldErrorText('card', closeErrors.card!).key).toBe('counter.amountTooLarge');
  });
});

describe('the forms give the contract its input', () => {
  it('payment: the body payments.record takes, and its own refusals', async () => {
    const cash = paymentFormSchema.parse({ ...emptyPayment, amount: '125.50', tendered: '200' });
    expect(cash).toEqual({ amountCents: 12550, method: 'cash', tenderedCents: 20000 });
    const check = paymentFormSchema.parse({
      ...emptyPayment,
      amount: '40',
      method: 'check',
      reference: ' 1042 ',
    });
    expect(check).toEqual({ amountCents: 4000, method: 'check', checkNumber: '1042' });
    expect(operations['payments.record'].input.parse({ licenceId: 'L-1', ...check })).toEqual({
      licenceId: 'L-1',
      ...check,
    });

    const short = await errorsOf(paymentResolver, { ...emptyPayment, amount: '125.50', tendered: '100' });
    expect(fieldErrorText('tendered', short.tendered!)).toEqual({ key: 'drawer.tenderedShort' });
    const noNumber = await errorsOf(paymentResolver, {
      ...emptyPayment,
      amount: '40',
      method: 'card',
      reference: ' ',
    });
    expect(fieldErrorText('reference', noNumber.reference!)).toEqual({ key: 'drawer.detailRequired' });
  });

  it('void or refund: the kind decides the fields; empty ones are named', async () => {
    expect(
      reversalSchema.parse({ kind: 'void', paymentId: ' local:op-1 ', amount: '9', reason: ' wrong payee ' }),
    ).toEqual({
      kind: 'void',
      paymentId: 'local:op-1',
      reason: 'wrong payee',
    });
    expect(reversalSchema.parse({ kind: 'refund', paymentId: 'P7', amount: '5.5', reason: 'r' })).toEqual({
      kind: 'refund',
      paymentId: 'P7',
      reason: 'r',
      amountCents: 550,
    });
    const errors = await errorsOf(zodResolver(reversalSchema), {
      ...emptyReversal,
      kind: 'refund',
      amount: '0',
    });
    expect(fieldErrorText('paymentId', errors.paymentId!)).toEqual({ key: 'drawer.detailRequired' });
    expect(fieldErrorText('amount', errors.amount!)).toEqual({ key: 'counter.amountZero' });
    expect(fieldErrorText('reason', errors.reason!)).toEqual({ key: 'drawer.reasonRequired' });
  });

  it('new application: the facts as NewBusiness gives them, the limits from the contract', async () => {
    expect(businessFieldMax).toEqual({
      name: 40,
      dbaName: 40,
      ownerName: 40,
      addressLine: 40,
      city: 20,
      state: 2,
      postalCode: 10,
      phone: 14,
      taxId: 11,
    });
    const empty = await errorsOf(applicationResolver, emptyApplication);
    expect(fieldErrorText('name', empty.name!)).toEqual({ key: 'applications.nameRequired' });
    expect(fieldErrorText('licenceTypeCode', empty.licenceTypeCode!)).toEqual({
      key: 'applications.typeRequired',
    });
    const onFile = await errorsOf(applicationResolver, {
      ...emptyApplication,
      business: 'existing',
      existingId: 'B-7',
      licenceTypeCode: 'GENL',
    });
    expect(onFile).toEqual({});
    const result = await applicationResolver(
      { ...emptyApplication, name: ' Acme ', phone: ' ', dismissed: ['B-1'], licenceTypeCode: 'GENL' },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result.values).toEqual({
      business: {
        kind: 'new',
        facts: { name: 'Acme', ...unknownBusinessFacts },
        dismissed: ['B-1'],
      },
      licenceTypeCode: 'GENL',
    });
  });
});

describe('field-errors.ts', () => {
  it('names only keys that both languages have', () => {
    const keys = new Set(
      [
        contractKey(PositiveMoney, 12.5),
        contractKey(PositiveMoney, 0),
        contractKey(PositiveMoney, MAX_CENTS + 1),
        contractKey(CountedMoney, -1),
        fieldErrorText('amount', { type: 'custom', message: 'An amount is needed.' }),
        fieldErrorText('tendered', { type: 'custom', message: 'The cash tendered is less than the amount.' }),
        ...['name', 'licenceTypeCode', 'paymentId', 'reference', 'reason'].map((f) =>
          fieldErrorText(f, { type: 'too_small', message: 'Too small' }),
        ),
        fieldErrorText('city', { type: 'too_big', message: 'Too big' }),
      ].map((text) => text.key),
    );
    expect(keys.size).toBe(11); // paymentId and reference share "Required for this method."
    for (const key of keys) {
      expect(typeof lookUp(en, key), key).toBe('string');
      expect(typeof lookUp(es, key), key).toBe('string');
      expect(lookUp(es, key), key).not.toBe(lookUp(en, key));
    }
  });
});
