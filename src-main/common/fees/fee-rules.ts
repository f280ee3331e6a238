// A city's fee rules file (bridges/<name>/fees.yaml): what the legacy fee table does not say.
// The legacy system gives a base amount per licence type and effective date (the feeSchedule
// entity, Riverton's RVFEE); the rules file adds, per licence type or by default, the components
// beyond that base, the renewal window and the late penalties. Together they make the engine's
// effective-dated FeeSchedules (buildSchedules below). Pure: the node side reads the YAML.
import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import {
  type FeeComponent,
  FeeComponent as FeeComponentSchema,
  type FeeSchedule,
  LatePenalty,
  RenewalWindow,
} from './fee-schedule.ts';

const IsoDate_ = z.string().refine(isIsoDate, 'expected a real date as YYYY-MM-DD');

/** Components a rules file may add: everything but the base, which comes from the legacy table. */
const ExtraComponent = FeeComponentSchema.refine((c) => c.kind !== 'base', {
  message: 'the base amount comes from the legacy fee table; list only per unit, percentage and minimum here',
});

/** One set of rules, for one licence type (or the default), in effect from a date. */
export const FeeRule = z
  .object({
    /** In effect from this date (included); absent means since always. */
    effectiveOn: IsoDate_.optional(),
    components: z.array(ExtraComponent).default([]),
    renewalWindow: RenewalWindow.optional(),
    latePenalty: LatePenalty.optional(),
  })
  .strict();
export type FeeRule = z.infer<typeof FeeRule>;

/** A rule, or several effective-dated ones (a single rule is read as a list of one). */
const RuleOrRules = z.preprocess(
  (v) => (v === undefined || Array.isArray(v) ? v : [v]),
  z.array(FeeRule).min(1),
);

export const FeeRulesFile = z
  .object({
    version: z.literal(1),
    /**
     * Which rows of the legacy fee table are the renewal's base amount, by their description (a
     * fee table often also lists application fees and flat penalties). Compared without case.
     */
    baseFeeDescriptions: z.array(z.string().min(1)).min(1).default(['Base Fee']),
    /** The rules of every licence type the file does not name. */
    default: RuleOrRules.optional(),
    /** Rules by licence type code (the canonical licenceTypeCode, e.g. FOOD). */
    types: z.record(z.string().min(1), RuleOrRules).default({}),
  })
  .strict();
export type FeeRulesFile = z.infer<typeof FeeRulesFile>;
export type FeeRulesFileInput = z.input<typeof FeeRulesFile>;

/** No rules file: base amounts only, renewals any time, no penalties. */
export const noFeeRules: FeeRulesFile = { version: 1, baseFeeDescriptions: ['Base Fee'], types: {} };

/** A base amount as the legacy system gives it (canonical FeeScheduleEntry). */
export interface BaseAmount {
  id: string;
  licenceTypeCode: string;
  effectiveOn: string | null;
  amountCents: number;
  description: string | null;
}

const SINCE_ALWAYS = '0001-01-01';

function rulesOf(file: FeeRulesFile, licenceTypeCode: string): FeeRule[] {
  const r = file.types[licenceTypeCode] ?? file.default;
  if (!r) return [];
  return r
    .slice()
    .sort((a, b) => (a.effectiveOn ?? SINCE_ALWAYS).localeCompare(b.effectiveOn ?? SINCE_ALWAYS));
}

/** Whether the licence type's rules come from its own entry or the default (for explanations). */
export function ruleSource(file: FeeRulesFile, licenceTypeCode: string): 'type' | 'default' | 'none' {
  return file.types[licenceTypeCode] ? 'type' : file.default ? 'default' : 'none';
}

function latest<T>(items: readonly T[], dateOf: (t: T) => string, on: string): T | undefined {
  let best: T | undefined;
  for (const item of items) if (dateOf(item) <= on && (!best || dateOf(item) >= dateOf(best))) best = item;
  return best;
}

/**
 * The engine's schedules of one licence type: one from each date on which either its legacy base
 * amount or its rules change, combining the base in effect then with the rules in effect then.
 * `fallbackBaseCents` (the licence's own fee on record) stands in when the legacy table has no
 * amount for the type, so a licence is never quoted nothing for lack of a table row.
 */
export function buildSchedules(args: {
  rules: FeeRulesFile;
  licenceTypeCode: string;
  baseAmounts: readonly BaseAmount[];
  fallbackBaseCents?: number | null;
}): FeeSchedule[] {
  const { licenceTypeCode } = args;
  const ofType = args.baseAmounts.filter((b) => b.licenceTypeCode === licenceTypeCode);
  const wanted = new Set(args.rules.baseFeeDescriptions.map((d) => d.trim().toLowerCase()));
  const described = ofType.filter((b) => wanted.has((b.description ?? '').trim().toLowerCase()));
  // A table with no row so described holds only base amounts (one per date): all of it is the base.
  const bases = (described.length > 0 ? described : ofType).map((b) => ({
    ...b,
    from: b.effectiveOn ?? SINCE_ALWAYS,
  }));
  // Two base amounts from one day: charging either would be an amount nobody can justify.
  const seen = new Map<string, string>();
  for (const b of bases) {
    const other = seen.get(b.from);
    if (other !== undefined)
      throw new RangeError(
        `The fee table has two base amounts for licence type ${licenceTypeCode} from ${b.from} (rows ${other} and ${b.id}); ` +
          `the fee rules file's baseFeeDescriptions must say which rows are the base.`,
      );
    seen.set(b.from, b.id);
  }
  const rules = rulesOf(args.rules, licenceTypeCode).map((r) => ({
    ...r,
    from: r.effectiveOn ?? SINCE_ALWAYS,
  }));
  if (bases.length === 0 && args.fallbackBaseCents == null) return [];
  const dates = [...new Set([...bases.map((b) => b.from), ...rules.map((r) => r.from), SINCE_ALWAYS])].sort();
  const schedules: FeeSchedule[] = [];
  for (const on of dates) {
    const base = latest(bases, (b) => b.from, on);
    if (!base && (bases.length > 0 || args.fallbackBaseCents == null)) continue;
    const rule = latest(rules, (r) => r.from, on);
    const baseComponent: FeeComponent = base
      ? { kind: 'base', code: 'base', label: base.description ?? 'Base fee', amountCents: base.amountCents }
      : { kind: 'base', code: 'onRecord', label: 'Fee on record', amountCents: args.fallbackBaseCents ?? 0 };
    schedules.push({
      id: `${licenceTypeCode}@${on}${base ? `:${base.id}` : ''}`,
      licenceTypeCode,
      effectiveOn: on,
      components: [baseComponent, ...(rule?.components ?? [])],
      ...(rule?.renewalWindow ? { renewalWindow: rule.renewalWindow } : {}),
      ...(rule?.latePenalty ? { latePenalty: rule.latePenalty } : {}),
    });
  }
  return schedules;
}
