// The fee engine against the worked examples of issue 5, to the cent, with concrete dates.
//
// How the published rules are read where the issue leaves them open:
// - Days late count from the expiry date: the licence is good through its expiry day, so paying
//   on that day is on time (0 days late) and the next day is day 1 late.
// - "15% in the first 30 days late, another 15% after, capped at 30%": 15% of the fee from day 1
//   to day 30 late, a further 15% from day 31 on; the cap bounds the percentage penalties
//   (whether "another 15%" is charged once or for every further 30 days, the cap makes the
//   amounts the same: both readings are tested below).
// - "plus 1% a month": simple interest on the fee only (never on the penalties), outside the
//   30% cap ("plus"), charged per month started after expiry (1–30 days late in a 30-day month
//   is one month, day 31 begins the second). The monthly charge is 1% of the fee rounded half up
//   to the cent, times the months.
// - "fees doubling every 30 days": the fee doubles for each 30-day period started after expiry
//   (1–30 days late pays 2×, 31–60 pays 4×): the same periods as the tiers. The penalty line is
//   what the doubling adds. Counting whole periods elapsed instead is an option, tested too.
// - Renewal "from 90 days before expiry to 12 months after": both ends included.
// - Rounding: each line is rounded half up to the cent on its own; the total is the sum of the
//   lines, so a screen's lines always add up to its total.
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../src-main/common/errors.ts';
import {
  FeeSchedule,
  type FeeScheduleInput,
  type LatePenaltyInput,
  type RenewalWindow,
  checkRenewalWindow,
  computeFee,
  computePenalties,
  daysBetween,
  explainLines,
  formatBasisPoints,
  formatCents,
  monthsAfter,
  percentOf,
  quoteRenewal,
  scheduleInEffect,
} from '../../src-main/common/fees/index.ts';
import { expectEach } from './support/each-case.ts';

const window90days12months: RenewalWindow = {
  opensBefore: { unit: 'days', count: 90 },
  closesAfter: { unit: 'months', count: 12 },
};

/** The tiered example: 15% days 1–30, another 15% from day 31, cap 30%, plus 1% a month. */
const tiersPlusInterest: LatePenaltyInput = {
  graceDays: 0,
  rules: [
    {
      kind: 'tiers',
      code: 'late',
      tiers: [
        { fromDayLate: 1, basisPoints: 1500 },
        { fromDayLate: 31, basisPoints: 1500 },
      ],
      capBasisPoints: 3000,
    },
    { kind: 'monthlyInterest', code: 'interest', basisPointsPerMonth: 100, monthCounting: 'started' },
  ],
};

function schedule(input: Partial<FeeScheduleInput> & Pick<FeeScheduleInput, 'components'>): FeeSchedule {
  return FeeSchedule.parse({ id: 'S1', licenceTypeCode: 'FOOD', effectiveOn: '2020-01-01', ...input });
}

const flat = (cents: number, extra: Partial<FeeScheduleInput> = {}) =>
  schedule({ components: [{ kind: 'base', code: 'base', label: 'Base fee', amountCents: cents }], ...extra });

const quote = (s: FeeSchedule, expiresOn: string, asOf: string, more = {}) => {
  const q = quoteRenewal({ schedules: [s], licenceTypeCode: 'FOOD', expiresOn, asOf, ...more });
  if (!q) throw new Error('no schedule in effect');
  return q;
};

describe('worked example: 15% for 1–30 days late, another 15% after, cap 30%, plus 1% a month', () => {
  const s = flat(200_00, { latePenalty: tiersPlusInterest, renewalWindow: window90days12months });
  const expiresOn = '2026-06-30';
  /** The quote on `asOf`, checked to be `daysLate` days late and to total `totalCents`. */
  const lateQuote = (asOf: string, daysLate: number, totalCents: number) => {
    const q = quote(s, expiresOn, asOf);
    expect(q.daysLate).toBe(daysLate);
    expect(q.totalCents).toBe(totalCents);
    return q;
  };

  it('charges nothing when renewed on the expiry day', () => {
    const q = lateQuote('2026-06-30', 0, 200_00);
    expect(q.penaltyLines).toEqual([]);
  });

  it('a $200.00 fee 15 days late (2026-07-15): 15% = $30.00, one month started 1% = $2.00, total $232.00', () => {
    const q = lateQuote('2026-07-15', 15, 232_00);
    expect(q.penaltyLines.map((l) => [l.code, l.amountCents])).toEqual([
      ['penalty.tier', 30_00],
      ['penalty.interest', 2_00],
    ]);
  });

  it('day 30 late (2026-07-30) is still the first tier and the first month: $232.00', () => {
    lateQuote('2026-07-30', 30, 232_00);
  });

  it('day 31 late (2026-07-31) adds the second 15% and starts the second month: $264.00', () => {
    const q = lateQuote('2026-07-31', 31, 264_00);
    expect(q.penaltyCents).toBe(30_00 + 30_00 + 4_00);
  });

  it('a $200.00 fee 45 days late (2026-08-14): 15% + 15% = $60.00, 1% × 2 months = $4.00, total $264.00', () => {
    lateQuote('2026-08-14', 45, 264_00);
  });

  it('six months late (2026-12-30, 183 days): penalties stay at the 30% cap, interest 6% = $12.00, total $272.00', () => {
    const q = lateQuote('2026-12-30', 183, 200_00 + 60_00 + 12_00);
    expect(q.penaltyLines.find((l) => l.code === 'penalty.interest')?.detail.months).toBe(6);
  });

  it('on the last day of the window (2027-06-30, 12 months late): $200 + $60 + 12% = $324.00, still allowed', () => {
    const q = quote(s, expiresOn, '2027-06-30');
    expect(q.window.status).toBe('allowed');
    expect(q.canRenew).toBe(true);
    expect(q.totalCents).toBe(200_00 + 60_00 + 24_00);
  });

  it('explains every amount: a $150.00 fee 40 days late (2026-08-09)', () => {
    const q = quote(flat(150_00, { latePenalty: tiersPlusInterest }), expiresOn, '2026-08-09');
    expect(explainLines(q.lines)).toEqual([
      'Base fee $150.00',
      'Late penalty 15% of $150.00 (1–30 days late) $22.50',
      'Late penalty 15% of $150.00 (31 days late or more) $22.50',
      'Interest 1% × 2 months of $150.00 $3.00',
      'Total $198.00',
    ]);
    expect(q.totalCents).toBe(198_00);
    const interest = q.penaltyLines.find((l) => l.code === 'penalty.interest')!;
    expect(interest.detail).toMatchObject({
      basisPointsPerMonth: 100,
      months: 2,
      monthlyCents: 1_50,
      feeCents: 150_00,
    });
  });

  it('reads "another 15% after" as repeating every 30 days and shows the cap: same amounts', () => {
    const repeating = flat(200_00, {
      latePenalty: {
        rules: [
          {
            kind: 'tiers',
            code: 'late',
            tiers: [
              { fromDayLate: 1, basisPoints: 1500 },
              { fromDayLate: 31, basisPoints: 1500, repeatEveryDays: 30 },
            ],
            capBasisPoints: 3000,
          },
          { kind: 'monthlyInterest', code: 'interest', basisPointsPerMonth: 100, monthCounting: 'started' },
        ],
      },
    });
    for (const asOf of ['2026-07-15', '2026-08-14', '2026-09-13', '2026-12-30']) {
      expect(quote(repeating, expiresOn, asOf).totalCents).toBe(quote(s, expiresOn, asOf).totalCents);
    }
    // 75 days late: three 15% tiers earned ($90.00), the cap brings them back to 30% ($60.00).
    const q = quote(repeating, expiresOn, '2026-09-13');
    expect(explainLines(q.penaltyLines, 'Penalties')).toEqual([
      'Late penalty 15% of $200.00 (1–30 days late) $30.00',
      'Late penalty 15% of $200.00 (31–60 days late) $30.00',
      'Late penalty 15% of $200.00 (61–90 days late) $30.00',
      'Capped at 30% of $200.00 ($60.00) -$30.00',
      'Interest 1% × 3 months of $200.00 $6.00',
      'Penalties $66.00',
    ]);
  });

  it('rounds each line half up to the cent: a $123.45 fee 31 days late', () => {
    const q = quote(flat(123_45, { latePenalty: tiersPlusInterest }), expiresOn, '2026-07-31');
    // 15% of $123.45 = $18.5175 -> $18.52 (twice); 1% = $1.2345 -> $1.23 a month, × 2 = $2.46.
    expect(q.penaltyLines.map((l) => l.amountCents)).toEqual([18_52, 18_52, 2_46]);
    expect(q.totalCents).toBe(123_45 + 18_52 + 18_52 + 2_46);
  });

  it('waives everything within a grace period, then charges as if there had been none', () => {
    const graced = flat(200_00, { latePenalty: { ...tiersPlusInterest, graceDays: 10 } });
    const inGrace = quote(graced, expiresOn, '2026-07-10');
    expect(inGrace.penaltyCents).toBe(0);
    expect(inGrace.penaltyLines).toEqual([
      expect.objectContaining({
        code: 'penalty.grace',
        amountCents: 0,
        detail: { graceDays: 10, daysLate: 10 },
      }),
    ]);
    expect(quote(graced, expiresOn, '2026-07-11').totalCents).toBe(200_00 + 30_00 + 2_00);
  });
});

describe('worked example: fees doubling every 30 days', () => {
  const doubling = (periodCounting: 'started' | 'whole', maxDoublings?: number) =>
    flat(100_00, {
      latePenalty: {
        rules: [{ kind: 'doubling', code: 'double', everyDays: 30, periodCounting, maxDoublings }],
      },
    });
  const expiresOn = '2026-06-30';

  it('a $100.00 fee: on time $100, 1–30 days late $200, 31–60 $400, 61–90 $800 (periods started)', () => {
    const s = doubling('started');
    expect(quote(s, expiresOn, '2026-06-30').totalCents).toBe(100_00);
    expect(quote(s, expiresOn, '2026-07-01').totalCents).toBe(200_00);
    expect(quote(s, expiresOn, '2026-07-30').totalCents).toBe(200_00);
    expect(quote(s, expiresOn, '2026-07-31').totalCents).toBe(400_00);
    expect(quote(s, expiresOn, '2026-08-29').totalCents).toBe(400_00);
    expect(quote(s, expiresOn, '2026-08-30').totalCents).toBe(800_00);
    const q = quote(s, expiresOn, '2026-08-14'); // 45 days late
    expect(explainLines(q.lines)).toEqual([
      'Base fee $100.00',
      'Fee doubled 2 times (every 30 days late; 45 days late): $100.00 becomes $400.00 $300.00',
      'Total $400.00',
    ]);
  });

  it('counting whole periods elapsed instead: doubled from day 30, four times from day 60', () => {
    const s = doubling('whole');
    expect(quote(s, expiresOn, '2026-07-29').totalCents).toBe(100_00); // day 29
    expect(quote(s, expiresOn, '2026-07-30').totalCents).toBe(200_00); // day 30
    expect(quote(s, expiresOn, '2026-08-28').totalCents).toBe(200_00); // day 59
    expect(quote(s, expiresOn, '2026-08-29').totalCents).toBe(400_00); // day 60
  });

  it('stops at a maximum number of doublings when the city sets one', () => {
    expect(quote(doubling('started', 2), expiresOn, '2027-06-30').totalCents).toBe(400_00);
  });
});

describe('worked example: renewal from 90 days before expiry to 12 months after', () => {
  const s = flat(150_00, { renewalWindow: window90days12months });

  it('opens 90 days before a 2026-06-30 expiry (2026-04-01) and closes 12 months after (2027-06-30)', () => {
    expect(checkRenewalWindow('2026-06-30', '2026-03-31', window90days12months)).toEqual({
      status: 'tooEarly',
      opensOn: '2026-04-01',
      closesOn: '2027-06-30',
      daysLate: 0,
    });
    expect(checkRenewalWindow('2026-06-30', '2026-04-01', window90days12months).status).toBe('allowed');
    expect(checkRenewalWindow('2026-06-30', '2026-06-30', window90days12months).status).toBe('allowed');
    expect(checkRenewalWindow('2026-06-30', '2027-06-30', window90days12months)).toMatchObject({
      status: 'allowed',
      daysLate: 365,
    });
    expect(checkRenewalWindow('2026-06-30', '2027-07-01', window90days12months)).toMatchObject({
      status: 'tooLate',
      closesOn: '2027-06-30',
    });
  });

  it('says when it opens, or that a new application is needed, as blockers with stable codes', () => {
    const early = quote(s, '2026-06-30', '2026-03-31');
    expect(early.canRenew).toBe(false);
    expect(early.blockers).toEqual([
      {
        code: 'renewal.tooEarly',
        message:
          'Too early to renew: renewals of this licence open on 2026-04-01 (it expires on 2026-06-30). Come back then.',
        detail: { opensOn: '2026-04-01', expiresOn: '2026-06-30' },
      },
    ]);
    const late = quote(s, '2026-06-30', '2027-07-01');
    expect(late.blockers.map((b) => b.code)).toEqual(['renewal.tooLate']);
    expect(late.blockers[0]!.message).toContain('closed on 2027-06-30');
    expect(late.blockers[0]!.message).toContain('needs a new application');
  });

  it('handles leap years: a window opening on Feb 29, and an expiry on Feb 29', () => {
    // 90 days before 2028-05-29 is 2028-02-29 (2028 is a leap year).
    expect(checkRenewalWindow('2028-05-29', '2028-02-28', window90days12months)).toMatchObject({
      status: 'tooEarly',
      opensOn: '2028-02-29',
    });
    // 12 months after 2028-02-29 is 2029-02-28, the last day of that February.
    expect(checkRenewalWindow('2028-02-29', '2029-02-28', window90days12months).status).toBe('allowed');
    expect(checkRenewalWindow('2028-02-29', '2029-03-01', window90days12months)).toMatchObject({
      status: 'tooLate',
      closesOn: '2029-02-28',
    });
    // Without a window every date is allowed.
    expect(checkRenewalWindow('2028-02-29', '2040-01-01', undefined).status).toBe('allowed');
  });
});

describe('fee components', () => {
  it('adds base, per unit (over the included units) and a percentage of gross receipts', () => {
    const s = schedule({
      components: [
        { kind: 'base', code: 'base', label: 'Base fee', amountCents: 75_00 },
        {
          kind: 'perUnit',
          code: 'seats',
          label: 'Seating fee',
          unit: 'seats',
          centsPerUnit: 2_50,
          includedUnits: 10,
        },
        {
          kind: 'percentage',
          code: 'gross',
          label: 'Gross receipts fee',
          of: 'grossReceipts',
          basisPoints: 10,
        },
      ],
    });
    // 0.1% of $1,234,567.89 = $1,234.567889 -> $1,234.57
    const fee = computeFee(s.components, {
      units: { seats: 24 },
      amountsCents: { grossReceipts: 1_234_567_89 },
    });
    expect(explainLines(fee.lines)).toEqual([
      'Base fee $75.00',
      'Seating fee: 14 seats over the 10 included × $2.50 $35.00',
      'Gross receipts fee: 0.1% of $1,234,567.89 $1,234.57',
      'Total $1,344.57',
    ]);
    expect(fee.feeCents).toBe(1_344_57);
  });

  it('lifts a small total to the minimum, and leaves a larger one alone', () => {
    const s = schedule({
      components: [
        { kind: 'base', code: 'base', label: 'Base fee', amountCents: 25_00 },
        { kind: 'perUnit', code: 'vehicles', label: 'Vehicle fee', unit: 'vehicles', centsPerUnit: 2_00 },
        { kind: 'minimum', code: 'min', label: 'Minimum fee', amountCents: 100_00 },
      ],
    });
    const small = computeFee(s.components, { units: { vehicles: 10 }, amountsCents: {} });
    expect(small.feeCents).toBe(100_00);
    expect(small.lines.at(-1)).toEqual({
      code: 'fee.minimum',
      label: 'Minimum fee $100.00 (the fee came to $45.00)',
      amountCents: 55_00,
      detail: { component: 'min', minimumCents: 100_00, subtotalCents: 45_00 },
    });
    const large = computeFee(s.components, { units: { vehicles: 40 }, amountsCents: {} });
    expect(large.feeCents).toBe(105_00);
    expect(large.lines.map((l) => l.code)).toEqual(['fee.base', 'fee.perUnit']);
  });

  it('penalties are computed on the fee after the minimum', () => {
    const s = schedule({
      components: [
        {
          kind: 'percentage',
          code: 'gross',
          label: 'Gross receipts fee',
          of: 'grossReceipts',
          basisPoints: 50,
        },
        { kind: 'minimum', code: 'min', label: 'Minimum fee', amountCents: 50_00 },
      ],
      latePenalty: tiersPlusInterest,
    });
    const q = quoteRenewal({
      schedules: [s],
      licenceTypeCode: 'FOOD',
      expiresOn: '2026-06-30',
      asOf: '2026-07-01',
      declared: { amountsCents: { grossReceipts: 2_000_00 } }, // 0.5% = $10.00, lifted to $50.00
    })!;
    expect(q.feeCents).toBe(50_00);
    expect(q.penaltyCents).toBe(7_50 + 50);
  });

  it('asks for a figure the schedule needs and the business has not declared', () => {
    const s = schedule({
      components: [
        { kind: 'perUnit', code: 'seats', label: 'Seating fee', unit: 'seats', centsPerUnit: 1_00 },
      ],
    });
    let error: unknown;
    try {
      computeFee(s.components, { units: {}, amountsCents: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('invalid_input');
    expect((error as WorkbenchError).fields).toEqual({
      'declared.units.seats': 'Enter the number of seats to compute the seating fee.',
    });
  });
});

describe('effective-dated schedules', () => {
  const old = flat(150_00, { id: 'FOOD-2025', effectiveOn: '2025-01-01' });
  const raised = flat(175_00, { id: 'FOOD-2026-07', effectiveOn: '2026-07-01' });
  const other = schedule({
    id: 'BAR-2026',
    licenceTypeCode: 'BAR',
    effectiveOn: '2026-01-01',
    components: [{ kind: 'base', code: 'base', label: 'Base fee', amountCents: 900_00 }],
  });
  const all = [raised, other, old];

  it('picks the latest schedule of the licence type started on or before the date', () => {
    expect(scheduleInEffect(all, 'FOOD', '2026-06-30')?.id).toBe('FOOD-2025');
    expect(scheduleInEffect(all, 'FOOD', '2026-07-01')?.id).toBe('FOOD-2026-07'); // its first day
    expect(scheduleInEffect(all, 'FOOD', '2030-01-01')?.id).toBe('FOOD-2026-07');
    expect(scheduleInEffect(all, 'FOOD', '2024-12-31')).toBeNull();
    expect(scheduleInEffect(all, 'TAXI', '2026-07-01')).toBeNull();
  });

  it('a renewal taken on the day of a change pays the new fee; the day before, the old one', () => {
    const on = (asOf: string) =>
      quoteRenewal({ schedules: all, licenceTypeCode: 'FOOD', expiresOn: '2026-07-31', asOf })!;
    expect(on('2026-06-30')).toMatchObject({ scheduleId: 'FOOD-2025', totalCents: 150_00 });
    expect(on('2026-07-01')).toMatchObject({ scheduleId: 'FOOD-2026-07', totalCents: 175_00 });
    // A city that bills by the new term's start names that date instead.
    const byTerm = quoteRenewal({
      schedules: all,
      licenceTypeCode: 'FOOD',
      expiresOn: '2026-06-15',
      asOf: '2026-06-01',
      scheduleOn: '2026-07-01',
    })!;
    expect(byTerm.totalCents).toBe(175_00);
    expect(
      quoteRenewal({ schedules: all, licenceTypeCode: 'FOOD', expiresOn: '2024-12-31', asOf: '2024-12-01' }),
    ).toBeNull();
  });

  it('refuses two schedules of one licence type starting the same day', () => {
    const twin = flat(160_00, { id: 'FOOD-2025-bis', effectiveOn: '2025-01-01' });
    expect(() => scheduleInEffect([old, twin], 'FOOD', '2025-06-01')).toThrow(/both start on 2025-01-01/);
  });

  it('rejects a schedule with an impossible date or a fractional amount', () => {
    expect(() => flat(150_00, { effectiveOn: '2027-02-29' })).toThrow();
    expect(() => flat(150.5)).toThrow();
  });
});

describe('holds and balances', () => {
  const s = flat(150_00, { renewalWindow: window90days12months });

  it('lists every hold and a balance due as reasons with stable codes', () => {
    const q = quote(s, '2026-06-30', '2026-06-01', {
      holds: [
        {
          code: 'zoning',
          reason: 'Zoning review of the new address',
          placedOn: '2026-05-02',
          placedBy: 'mgarcia',
        },
        { code: 'returned_check', reason: 'Check 1042 was returned by the bank' },
      ],
      outstandingBalanceCents: 45_00,
    });
    expect(q.canRenew).toBe(false);
    expect(q.blockers.map((b) => [b.code, b.message])).toEqual([
      [
        'renewal.hold',
        'On hold (placed on 2026-05-02 by mgarcia): Zoning review of the new address. The hold must be lifted before renewing.',
      ],
      [
        'renewal.hold',
        'On hold: Check 1042 was returned by the bank. The hold must be lifted before renewing.',
      ],
      ['renewal.balanceDue', 'An outstanding balance of $45.00 must be paid before renewing.'],
    ]);
    expect(q.blockers[0]!.detail).toMatchObject({ holdCode: 'zoning', placedBy: 'mgarcia' });
    expect(q.blockers[2]!.detail).toEqual({ balanceCents: 45_00 });
    // The amount is still quoted, so the clerk can tell the business what it will owe.
    expect(q.totalCents).toBe(150_00);
  });

  it('a zero or credit balance does not block', () => {
    expect(quote(s, '2026-06-30', '2026-06-01', { outstandingBalanceCents: 0 }).canRenew).toBe(true);
    expect(quote(s, '2026-06-30', '2026-06-01', { outstandingBalanceCents: -10_00 }).canRenew).toBe(true);
  });
});

describe('dates and money helpers', () => {
  it('counts days across month ends and leap days without time zones', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // a US DST change lies between
    expect(daysBetween('2026-06-30', '2027-06-30')).toBe(365);
    expect(() => daysBetween('2027-02-29', '2027-03-01')).toThrow(/No such date/);
  });

  it('counts months from a month end: whole months elapsed and months started', () => {
    expectEach((to) => monthsAfter('2026-01-31', to, 'started'), {
      '2026-01-31': 0,
      '2026-02-01': 1,
      '2026-02-28': 1,
      '2026-03-01': 2,
      '2026-03-31': 2,
      '2026-04-01': 3,
    });
    expectEach((to) => monthsAfter('2026-01-31', to, 'whole'), {
      '2026-02-27': 0,
      '2026-02-28': 1,
      '2026-03-30': 1,
      '2026-03-31': 2,
    });
    expect(monthsAfter('2027-12-15', '2029-01-16', 'started')).toBe(14);
    expect(monthsAfter('2027-12-15', '2029-01-16', 'whole')).toBe(13);
  });

  it('interest on a licence expiring at a month end (2026-01-31), 1% a month of $300.00', () => {
    const interest = (asOf: string, monthCounting: 'started' | 'whole') =>
      computePenalties({
        feeCents: 300_00,
        expiresOn: '2026-01-31',
        asOf,
        latePenalty: {
          graceDays: 0,
          rules: [{ kind: 'monthlyInterest', code: 'i', basisPointsPerMonth: 100, monthCounting }],
        },
      }).penaltyCents;
    expect(interest('2026-02-28', 'started')).toBe(3_00);
    expect(interest('2026-03-01', 'started')).toBe(6_00);
    expect(interest('2026-02-27', 'whole')).toBe(0);
    expect(interest('2026-02-28', 'whole')).toBe(3_00);
  });

  it('rounds percentages half up, exactly, at any size', () => {
    expect(percentOf(1010, 1500)).toBe(152); // 151.5
    expect(percentOf(1009, 1500)).toBe(151); // 151.35
    expect(percentOf(100, 50)).toBe(1); // 0.5
    expect(percentOf(99, 50)).toBe(0); // 0.495
    expect(percentOf(9_007_199_254_740_991, 10_000)).toBe(9_007_199_254_740_991);
    expect(() => percentOf(1.5, 100)).toThrow(/whole cents/);
  });

  it('formats cents and rates for labels', () => {
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(-30_00)).toBe('-$30.00');
    expect(formatCents(123_456_789)).toBe('$1,234,567.89');
    expect(formatBasisPoints(1500)).toBe('15%');
    expect(formatBasisPoints(125)).toBe('1.25%');
    expect(formatBasisPoints(10)).toBe('0.1%');
    expect(formatBasisPoints(5)).toBe('0.05%');
  });
});

describe('invariants over a year and more of lateness', () => {
  it('the lines always add up to the total, and the amount owed never drops as days pass', () => {
    const s = flat(123_45, { latePenalty: { ...tiersPlusInterest, graceDays: 5 } });
    let previous = 0;
    for (let day = 0; day <= 400; day++) {
      const asOf = new Date(Date.UTC(2027, 11, 31 + day)).toISOString().slice(0, 10);
      const q = quote(s, '2027-12-31', asOf);
      expect(q.daysLate).toBe(day);
      expect(q.lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(q.totalCents);
      expect(q.totalCents).toBeGreaterThanOrEqual(previous);
      previous = q.totalCents;
    }
  });
});
