// The commands a person gives that change records, with their versioned payloads (the outbox
// stores the version, so a desk updated mid-outage still replays what an older version queued).
import { z } from 'zod';
import { FeeLine } from './fees/fee-schedule.ts';
import { Cents, IsoDate, IsoTimestamp, PaymentMethod, PositiveMoney } from './model.ts';
import { applicationCommandPayloads } from './payloads/application-payloads.ts';
import { drawerCommandPayloads } from './payloads/drawer-payloads.ts';
import { statusCommandPayloads } from './payloads/status-payloads.ts';

export const RenewLicencePayload = z.object({
  v: z.literal(1),
  licenceId: z.string().min(1),
  newExpiresOn: IsoDate,
  feeCents: Cents.nonnegative(),
  renewedAt: IsoTimestamp,
  /** How feeCents was computed (the fee engine's quote), so what was charged is explained later. */
  charge: z
    .object({
      scheduleId: z.string(),
      asOf: IsoDate,
      daysLate: z.number().int().nonnegative(),
      feeCents: Cents,
      penaltyCents: Cents,
      lines: z.array(FeeLine),
    })
    .optional(),
});
export type RenewLicencePayload = z.infer<typeof RenewLicencePayload>;

export const RecordPaymentPayload = z.object({
  v: z.literal(1),
  licenceId: z.string().min(1),
  /** Held to the input limit too: a conflict's edited amount is parsed here before it is sent again. */
  amountCents: PositiveMoney,
  method: PaymentMethod,
  paidOn: IsoDate,
  paidAt: IsoTimestamp,
  /** The desk's provisional receipt number until the legacy system gives its own. */
  receiptNo: z.string().min(1),
});
export type RecordPaymentPayload = z.infer<typeof RecordPaymentPayload>;

export const commandPayloads = {
  renewLicence: RenewLicencePayload,
  recordPayment: RecordPaymentPayload,
  ...drawerCommandPayloads,
  ...statusCommandPayloads,
  ...applicationCommandPayloads,
} as const;
export type CommandName = keyof typeof commandPayloads;
