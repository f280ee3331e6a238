// The fee engine's lines and renewal problems in the person's language: each line from its code
// and the numbers of its detail (the engine's English label is only a fallback).
import type { TFunction } from 'i18next';
import type { FeeLine } from '../src-main/common/fees/fee-schedule.ts';
import type { RenewalProblem } from '../src-main/common/ops/fee-ops.ts';
import { formatDate, formatMoney, formatRate } from './format.ts';
import type { Language } from './i18n/index.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const knownLines = new Set([
  'fee.base',
  'fee.perUnit',
  'fee.percentage',
  'fee.minimum',
  'penalty.grace',
  'penalty.tier',
  'penalty.cap',
  'penalty.interest',
  'penalty.doubling',
]);

export function lineText(line: FeeLine, t: TFunction, language: Language): string {
  const d = line.detail;
  const money = (v: unknown) => formatMoney(num(v), language);
  const rate = (v: unknown) => formatRate(num(v), language);
  if (!knownLines.has(line.code)) return t('fees.line.other', { label: line.label });
  const key = `fees.line.${line.code.replace('.', '_')}`;
  switch (line.code) {
    case 'fee.base':
      return t(key, { label: line.label });
    case 'fee.perUnit':
      return t(key, {
        charged: d.chargedUnits,
        unit: str(d.unit),
        perUnit: money(d.centsPerUnit),
        included: d.includedUnits,
      });
    case 'fee.percentage':
      return t(key, { rate: rate(d.basisPoints), of: str(d.of), declared: money(d.declaredCents) });
    case 'fee.minimum':
      return t(key, { minimum: money(d.minimumCents), subtotal: money(d.subtotalCents) });
    case 'penalty.grace':
      return t(key, { graceDays: d.graceDays, daysLate: d.daysLate });
    case 'penalty.tier':
      return t(key, {
        rate: rate(d.basisPoints),
        fee: money(d.feeCents),
        range:
          d.toDayLate === null || d.toDayLate === undefined
            ? t('fees.rangeOpen', { from: d.fromDayLate })
            : t('fees.range', { from: d.fromDayLate, to: d.toDayLate }),
      });
    case 'penalty.cap':
      return t(key, {
        rate: rate(d.capBasisPoints),
        fee: money(d.feeCents),
        cap: money(d.capCents),
        uncapped: money(d.uncappedCents),
      });
    case 'penalty.interest':
      return t(key, { rate: rate(d.basisPointsPerMonth), months: d.months, fee: money(d.feeCents) });
    default:
      return t(key, {
        doublings: d.doublings,
        everyDays: d.everyDays,
        daysLate: d.daysLate,
        fee: money(d.feeCents),
        doubled: money(d.doubledCents),
      });
  }
}

const requirementResults = new Set(['pass', 'fail', 'reinspect', 'pending']);

/** What a renewal requirement found: no inspection of the kind, or the last one and how it ended. */
function requirementFound(d: RenewalProblem['detail'], t: TFunction, language: Language): string {
  if (typeof d.lastInspectedOn !== 'string') return t('fees.requirement.none');
  const result = str(d.lastResult);
  return t('fees.requirement.last', {
    date: formatDate(d.lastInspectedOn, language),
    result: requirementResults.has(result)
      ? t(`fees.requirement.result.${result}`)
      : t('fees.requirement.result.other', { result }),
  });
}

export function problemText(p: RenewalProblem, t: TFunction, language: Language): string {
  const d = p.detail;
  const date = (v: unknown) => formatDate(typeof v === 'string' ? v : null, language);
  if (p.code === 'renewal.requirement') {
    return t('fees.problem.renewal_requirement', {
      label: str(language === 'es' ? d.labelEs : d.labelEn).toLowerCase(),
      since: date(d.since),
      months: num(d.withinMonths),
      found: requirementFound(d, t, language),
    });
  }
  return t(`fees.problem.${p.code.replace('.', '_')}`, {
    placedOn: date(d.placedOn),
    reason: str(d.reason),
    balance: formatMoney(num(d.balanceCents), language),
    opensOn: date(d.opensOn),
    closesOn: date(d.closesOn),
    expiresOn: date(d.expiresOn),
    status: d.status ? t(`status.${str(d.status)}`).toLowerCase() : '',
  });
}
