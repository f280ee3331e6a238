// The inspector's tables of the demo city (INSSCH schedule, INSCHK checklists, VIOLTN violations,
// ORDSEC ordinance sections). Drawn from a third stream per business (salt 2), so adding them
// changed no row of the older tables. A done schedule row is the INSPCT history row it was posted
// to (SCHINS); around the history: cancelled and missed visits, re-inspections the rules call for,
// open inspections for active licences (some today, some overdue) and sites with no licence.
//
// The checklist items, their weights and the grade rule are the city's own inspections.yaml, and
// the score and grade come from the desk's computeResult, so the desk would score every generated
// checklist as the legacy rows say.
import { join } from 'node:path';
import { projectRoot } from '../../node/desk/paths.ts';
import { computeResult } from '../../node/inspections/grade.ts';
import {
  type InspectionRulesFile,
  kindRules,
  type KindRules,
  loadInspectionRules,
} from '../../node/inspections/inspection-rules.ts';
import { reinspectionDue } from '../../node/inspections/reinspection.ts';
import type { ChecklistOutcome } from '../../common/model.ts';
import { dayOf, isoOf, toCyymmdd, toYyyymmdd } from './dates.ts';
import {
  BARE_SITE_KINDS,
  CHECK_NOTES,
  ORDINANCES,
  TYPE_SECTIONS,
  WARDS,
  WINDOW_CODES,
} from './inspection-lists.ts';
import type { Rng } from './prng.ts';
import type { InschkRow, InsschRow, OrdsecRow, VioltnRow } from './schema.ts';
import { DIRECTIONS, INSPECTORS, STREETS, TODAY_DAY } from './word-lists.ts';

/** Riverton's rules file, read once: the checklists the generator fills in. */
export const RIVERTON_INSPECTION_RULES = (): string =>
  join(projectRoot(), 'bridges', 'riverton', 'inspections.yaml');

let rulesCache: InspectionRulesFile | null = null;
const cityRules = (): InspectionRulesFile =>
  (rulesCache ??= loadInspectionRules(RIVERTON_INSPECTION_RULES()));

const sectionOf = new Map(ORDINANCES.map((o) => [o.section, o]));

export function ordinanceRows(): OrdsecRow[] {
  return ORDINANCES.map((o) => ({
    ORDSEC: o.section,
    ORDTEN: o.en,
    ORDTES: o.es,
    ORDSEV: o.severity,
    ORDDAY: o.days,
  }));
}

export interface InspectorRows {
  schedule: InsschRow[];
  checks: InschkRow[];
  violations: VioltnRow[];
}

interface Visit {
  licNo: string;
  licType: string;
  ward: string;
  kind: string;
  day: number;
  /** INSPCT's result: P, F, R (reinspect: a failure), blank (not keyed yet). */
  result: string;
  inspector: string;
  insNo: number;
}

/** Numbers the schedule rows of one city as it is walked (SCHNO in generation order). */
export class InspectorWork {
  private schNo = 1;
  private readonly scheduleDay: number;

  /** `scheduleDay`: the day the open schedule is made around (the demo's today). */
  constructor(scheduleDay: number) {
    this.scheduleDay = scheduleDay;
  }

  private rules(kind: string): KindRules {
    const rules = kindRules(cityRules(), kind);
    if (!rules)
      throw new Error(`${RIVERTON_INSPECTION_RULES()} has no checklist for inspection kind ${kind}`);
    return rules;
  }

  /** The schedule rows around one INSPCT history row, with its checklist and violations. */
  visit(rng: Rng, v: Visit, out: InspectorRows): void {
    if (rng.chance(0.06)) {
      // Cancelled by the business or missed (nobody there) a few days before the visit that happened.
      out.schedule.push(this.row(rng, { ...v, day: v.day - rng.int(2, 14) }, rng.chance(0.6) ? 'C' : 'N'));
    }
    const schNo = this.schNo;
    const failed = v.result === 'F' || v.result === 'R';
    const row = this.row(rng, v, 'D', v.insNo);
    out.schedule.push(row);
    if (v.result.trim() === '') return; // visited, the result not keyed yet
    const rules = this.rules(v.kind);
    const outcomes = checklist(rng, rules, failed);
    const scored = computeResult(rules, outcomes);
    if (scored.result !== (failed ? 'fail' : 'pass'))
      throw new Error(`generated ${v.kind} checklist scores ${scored.result} for INSPCT result ${v.result}`);
    row.SCHRES = failed ? 'F' : 'P';
    row.SCHSCR = scored.score;
    row.SCHGRD = scored.grade;
    let line = 0;
    let cited = 0;
    for (const item of rules.items) {
      const outcome = outcomes[item.code]!;
      const note = rng.chance(outcome === 'fail' ? 0.3 : 0.03)
        ? rng.pick(outcome === 'fail' ? CHECK_NOTES.fail : CHECK_NOTES.pass)
        : '';
      out.checks.push({
        CHKSCH: schNo,
        CHKSEQ: ++line,
        CHKITM: item.code,
        // Dirt: a few outcomes keyed in lower case.
        CHKOUT: dirtyCase(rng, outcome === 'pass' ? 'P' : outcome === 'fail' ? 'F' : 'N'),
        CHKNOT: rng.chance(0.05) ? ` ${note}` : note,
      });
      if (outcome === 'fail' && item.ordinance && (failed || rng.chance(0.6)))
        out.violations.push(this.violation(rng, schNo, ++cited, item.ordinance, v.day));
    }
    const extra = TYPE_SECTIONS[v.licType];
    if (failed && extra && rng.chance(0.5))
      out.violations.push(this.violation(rng, schNo, ++cited, rng.pick(extra), v.day));

    // The re-inspection the rules call for, when it falls after the history's end: still on the schedule.
    const due = failed ? reinspectionDue(rules.reinspection, isoOf(v.day), 'fail') : null;
    if (due) {
      const dueDay = dayOfIso(due);
      if (dueDay > TODAY_DAY) out.schedule.push(this.row(rng, { ...v, day: dueDay - rng.int(0, 3) }, 'S'));
    }
  }

  /** An open inspection of an active licence: today, overdue or in the weeks ahead. */
  open(rng: Rng, v: Omit<Visit, 'day' | 'result' | 'insNo'>, out: InspectorRows): void {
    const roll = rng.next();
    const day =
      roll < 0.3
        ? this.scheduleDay
        : roll < 0.55
          ? this.scheduleDay - rng.int(1, 21)
          : this.scheduleDay + rng.int(1, 30);
    const row = this.row(rng, { ...v, day, result: '', insNo: 0 }, 'S');
    if (rng.chance(0.04)) row.SCHBY = ''; // not assigned yet
    out.schedule.push(row);
  }

  /** A site with no licence (new construction, a complaint): a bare address, done or still open. */
  bareSite(rng: Rng, ward: string, out: InspectorRows): void {
    const kind = rng.weighted(BARE_SITE_KINDS);
    const address = bareAddress(rng);
    const base = { licNo: '', licType: '', ward, kind, inspector: rng.pick(INSPECTORS[kind]), insNo: 0 };
    const before = out.schedule.length;
    if (rng.chance(0.35)) this.open(rng, base, out);
    else
      this.visit(
        rng,
        { ...base, day: TODAY_DAY - rng.int(1, 3 * 365), result: rng.chance(0.8) ? 'P' : 'F' },
        out,
      );
    for (const row of out.schedule.slice(before)) row.SCHADR = address;
  }

  private row(rng: Rng, v: Visit, status: string, insNo = 0): InsschRow {
    return {
      SCHNO: this.schNo++,
      SCHINS: insNo,
      SCHLIC: v.licNo,
      SCHADR: '',
      // Dirt: some rows keyed without a ward.
      SCHWRD: rng.chance(0.04) ? '' : v.ward,
      SCHTYP: v.kind,
      SCHDTE: toCyymmdd(v.day),
      SCHWIN: dirtyCase(rng, rng.weighted(WINDOW_CODES)),
      SCHBY: rng.chance(0.02) ? v.inspector.toLowerCase() : v.inspector,
      SCHSTS: status,
      SCHRES: '',
      SCHSCR: 0,
      SCHGRD: '',
    };
  }

  private violation(rng: Rng, schNo: number, seq: number, section: string, day: number): VioltnRow {
    const o = sectionOf.get(section);
    if (!o) throw new Error(`no ordinance section ${section} in ORDSEC`);
    const due = day + o.days;
    // Drawn whatever the deadline, so the rows after it do not depend on the demo's today.
    const later = rng.weighted<string>([
      ['C', 85],
      ['T', 10],
      ['O', 5],
    ]);
    const status = due >= this.scheduleDay ? 'O' : later;
    let text: string = o.finding;
    const dirt = rng.next();
    if (dirt < 0.05) text = text.replace(' ', '  ');
    else if (dirt < 0.1) text += '.';
    return {
      VIOSCH: schNo,
      VIOSEQ: seq,
      VIOSEC: section,
      VIOSEV: o.severity,
      VIODSC: text,
      // Dirt: a few deadlines never keyed.
      VIODUE: rng.chance(0.03) ? '00000000' : toYyyymmdd(due),
      VIOSTS: status,
    };
  }
}

/** A street address with no licence on file (a site, a complaint), sometimes keyed with a double space. */
export function bareAddress(rng: Rng): string {
  const [street, suffix, directional] = rng.pick(STREETS);
  const address = `${rng.int(100, 9899)} ${directional && rng.chance(0.7) ? `${rng.pick(DIRECTIONS)} ` : ''}${street}${suffix ? ` ${suffix}` : ''}`;
  return rng.chance(0.05) ? address.replace(' ', '  ') : address;
}

/** A ward for a business (the legacy system had none on BUSMST: the scheduler keyed it). */
export const wardOf = (rng: Rng): string => rng.pick(WARDS);

/** Outcomes that pass (no critical item failed, the score at a passing grade) or fail, by the rules. */
function checklist(rng: Rng, rules: KindRules, fail: boolean): Record<string, ChecklistOutcome> {
  const floor = rules.grading.grades[rules.grading.grades.length - 1]!.from;
  const out: Record<string, ChecklistOutcome> = {};
  let score = 100;
  for (const item of rules.items) out[item.code] = !item.critical && rng.chance(0.04) ? 'na' : 'pass';
  const fails = (code: string, weight: number) => {
    out[code] = 'fail';
    score -= weight;
  };
  const minor = rules.items.filter((i) => !i.critical);
  if (!fail) {
    for (const item of minor)
      if (out[item.code] === 'pass' && rng.chance(0.12) && score - item.weight >= floor)
        fails(item.code, item.weight);
    return out;
  }
  const critical = rules.items.filter((i) => i.critical);
  if (critical.length && rng.chance(0.5)) {
    const c = rng.pick(critical);
    fails(c.code, c.weight);
  }
  for (const item of minor) if (out[item.code] !== 'fail' && rng.chance(0.25)) fails(item.code, item.weight);
  const failedCritical = critical.some((c) => out[c.code] === 'fail');
  // Not failed yet: more items fail until the score is below a passing grade (or a critical one).
  for (const item of [...minor].reverse()) {
    if (failedCritical || score < floor) break;
    if (out[item.code] !== 'fail') fails(item.code, item.weight);
  }
  if (!failedCritical && score >= floor && critical.length) {
    const c = rng.pick(critical);
    fails(c.code, c.weight);
  }
  return out;
}

const dirtyCase = (rng: Rng, code: string) => (code && rng.chance(0.01) ? code.toLowerCase() : code);

function dayOfIso(iso: string): number {
  return dayOf(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));
}

/** The day number of an ISO date, checked (the demo's today). */
export function scheduleDayOf(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso))
    throw new RangeError(`today must be a date as YYYY-MM-DD, got "${iso}"`);
  const day = dayOfIso(iso);
  if (isoOf(day) !== iso) throw new RangeError(`today must be a real date, got "${iso}"`);
  return day;
}
