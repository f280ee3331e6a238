// Cash drawer sessions, payments in a session, voids and refunds, end-of-day report (issue 5 point 3).
// Spread into the contract's operation table in contract.ts.
import { z } from 'zod';
import { Cents, CountedMoney, IsoTimestamp, PaymentMethod, PositiveMoney } from '../model.ts';
import { DocumentLanguage, PrintedDocument } from './document-ops.ts';

// Outputs read what the desk holds (a legacy payment may exceed the input limit): tolerant Cents.
// Inputs are what a person gives: held to the contract's one limit (model.ts MAX_CENTS).
const Money = Cents;
const CountedCents = CountedMoney;

/** One movement of money in a session: a payment, or a void or refund of an earlier payment. */
export const DrawerEntry = z.object({
  operationId: z.string(),
  kind: z.enum(['payment', 'void', 'refund']),
  at: IsoTimestamp,
  actor: z.string(),
  licenceId: z.string(),
  /** Always positive; `kind` says whether it came in or went out. */
  amountCents: Money,
  method: PaymentMethod,
  /** The desk's provisional receipt number. */
  receiptNo: z.string(),
  /** The payment's (or reversal's) id now: its legacy number once replayed, else local:<operationId>. */
  paymentId: z.string(),
  /** The legacy receipt number, once the legacy system numbered it. */
  legacyReceiptNo: z.string().nullable(),
  tenderedCents: Money.nullable(),
  changeCents: Money.nullable(),
  checkNumber: z.string().nullable(),
  cardReference: z.string().nullable(),
  /** Void or refund: the id of the payment it reverses. */
  reverses: z.string().nullable(),
  /** Void or refund: the receipt of the payment it reverses (as the clerk knows it), when the desk has it. */
  reversesReceipt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type DrawerEntry = z.infer<typeof DrawerEntry>;

const MethodTotalsShape = z.object({ inCents: Money, outCents: Money, recordedCents: Money });

export const DrawerSession = z.object({
  id: z.string(),
  deskId: z.string(),
  actor: z.string(),
  openedAt: IsoTimestamp,
  floatCents: Money,
  closedAt: IsoTimestamp.nullable(),
  totals: z.object({
    cash: MethodTotalsShape,
    check: MethodTotalsShape,
    card: MethodTotalsShape,
    other: MethodTotalsShape,
  }),
  /** What was counted at closing (null while open). */
  counted: z.object({ cash: Money, check: Money, card: Money }).nullable(),
  /** Counted − recorded per counted method (null while open). */
  variance: z
    .array(
      z.object({
        method: z.enum(['cash', 'check', 'card']),
        recordedCents: Money,
        countedCents: Money,
        varianceCents: Money,
      }),
    )
    .nullable(),
  entries: z.array(DrawerEntry),
});
export type DrawerSession = z.infer<typeof DrawerSession>;

/** A void or refund recorded: provisional until replay brings it to the legacy database. */
const ReversalResult = z.object({
  operationId: z.string(),
  /** The reversal's own payment row (local:<operationId> until replayed). */
  reversalId: z.string(),
  paymentId: z.string(),
  amountCents: Money,
  receiptNo: z.string(),
  provisional: z.boolean(),
});

const Reason = z.string().trim().min(1).max(500);

export const drawerOperations = {
  /** The drawer session the person at the desk has open here (null: none). */
  'drawer.current': {
    input: z.object({}),
    output: z.object({ session: DrawerSession.nullable() }),
  },
  /** One session of this desk, open or closed (for the end-of-day screen and report). */
  'drawer.get': {
    input: z.object({ sessionId: z.string().min(1).max(64) }),
    output: z.object({ session: DrawerSession }),
  },
  /** The sessions of this desk, newest first (closed ones stay for the record). */
  'drawer.list': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.object({ sessions: z.array(DrawerSession.omit({ entries: true })) }),
  },
  /** Open a drawer with a starting float; one open session per person per desk. */
  'drawer.open': {
    input: z.object({ floatCents: CountedCents }),
    output: z.object({ session: DrawerSession }),
  },
  /** Close the person's open drawer with the counted amounts; nothing in it changes afterwards. */
  'drawer.close': {
    input: z.object({ cashCents: CountedCents, checkCents: CountedCents, cardCents: CountedCents }),
    output: z.object({ session: DrawerSession }),
  },
  /** The end-of-day report of a session (the person's open or last one when no id is given), as a PDF. */
  'drawer.report': {
    input: z.object({
      sessionId: z.string().min(1).max(64).optional(),
      language: DocumentLanguage.default('en'),
    }),
    output: PrintedDocument,
  },
  /** Void a payment (the whole amount): a supervisor's action, with a reason; nothing is deleted. */
  'payments.void': {
    input: z.object({ paymentId: z.string().min(1).max(200), reason: Reason }),
    output: ReversalResult,
  },
  /** Refund part or all of a payment: a supervisor's action, with a reason; nothing is deleted. */
  'payments.refund': {
    input: z.object({
      paymentId: z.string().min(1).max(200),
      /** How much (default: all that is left of the payment, as the command line's refund does). */
      amountCents: PositiveMoney.optional(),
      /** How the money goes back (default: the payment's own method). */
      method: PaymentMethod.optional(),
      reason: Reason,
    }),
    output: ReversalResult,
  },
  /** The drawer details of a payment (tendered and change, check number, card reference), if taken here. */
  'payments.details': {
    input: z.object({ paymentId: z.string().min(1).max(200) }),
    output: z.object({ entry: DrawerEntry.nullable(), reversedBy: z.array(DrawerEntry) }),
  },
} as const;
