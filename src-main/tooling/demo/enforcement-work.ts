// Riverton's code enforcement tables (CMPLNT complaints, ENFCAS cases). Drawn from a fourth stream
// per business (salt 3), so adding them changed no row of the older tables. Now and then someone
// complains about a business (its first licence's site) or about an address with no licence on
// file; most complaints become a case (a second caller about the same site joins it), some are
// dismissed; old cases ended corrected, cited with a fine (most fines paid) or dismissed, recent
// ones are still open. Every date is against GENERATOR_TODAY, so the rows depend on (size, seed).
import { dayOf, toCyymmdd, toTimestamp } from './dates.ts';
import {
  CASE_DEADLINE_DAYS,
  CASE_ENDINGS,
  CHANNELS,
  ENFORCEMENT_OFFICERS,
  FINES,
  LICENSED_COMPLAINTS,
  UNLICENSED_COMPLAINTS,
} from './enforcement-lists.ts';
import { bareAddress } from './inspector-work.ts';
import type { Rng } from './prng.ts';
import type { CmplntRow, EnfcasRow } from './schema.ts';
import { TODAY_DAY } from './word-lists.ts';

export interface EnforcementRows {
  complaints: CmplntRow[];
  cases: EnfcasRow[];
}

/** Where a complaint is about: a business's licensed site, or a bare address (busNo 0, licNo blank). */
interface Site {
  busNo: number;
  licNo: string;
  address: string;
}

/** Share of businesses someone complains about, and of businesses near an unlicensed one. */
export const LICENSED_COMPLAINT_RATE = 0.05;
export const UNLICENSED_COMPLAINT_RATE = 0.02;
/** The city's web form opened in 2003: no web complaints before. */
const WEB_FORM_DAY = dayOf(2003, 1, 1);

/** Numbers complaints and cases as the city is walked (CMPNO, CASNO in generation order). */
export class EnforcementWork {
  private cmpNo = 1;
  private casNo = 1;

  /** The complaints made about one business, and about an unlicensed address near it. */
  business(rng: Rng, site: Site, out: EnforcementRows): void {
    if (rng.chance(LICENSED_COMPLAINT_RATE)) this.complaint(rng, site, LICENSED_COMPLAINTS, out);
    if (rng.chance(UNLICENSED_COMPLAINT_RATE))
      this.complaint(rng, { busNo: 0, licNo: '', address: bareAddress(rng) }, UNLICENSED_COMPLAINTS, out);
  }

  private complaint(rng: Rng, site: Site, texts: readonly string[], out: EnforcementRows): void {
    const received = TODAY_DAY - rng.int(1, 8 * 365);
    const first = this.complaintRow(rng, site, texts, received);
    out.complaints.push(first);
    if (rng.chance(0.25)) {
      // Not looked at yet (the last two weeks), or dismissed without a case (unfounded, elsewhere).
      first.CMPSTS = received > TODAY_DAY - 14 ? 'N' : 'D';
      return;
    }
    const opened = Math.min(received + rng.int(0, 10), TODAY_DAY - 1);
    const casNo = this.casNo++;
    first.CMPSTS = 'O';
    first.CMPCAS = casNo;
    if (rng.chance(0.15)) {
      // A neighbour called about the same site: the clerk put it on the same case.
      const again = this.complaintRow(rng, site, texts, Math.min(received + rng.int(0, 20), TODAY_DAY - 1));
      again.CMPSTS = 'O';
      again.CMPCAS = casNo;
      out.complaints.push(again);
    }
    out.cases.push(this.caseRow(rng, casNo, site, opened));
  }

  private complaintRow(rng: Rng, site: Site, texts: readonly string[], day: number): CmplntRow {
    let channel = rng.weighted(CHANNELS);
    if (channel === 'I' && day < WEB_FORM_DAY) channel = 'P';
    let text = rng.pick(texts);
    const dirt = rng.next();
    if (dirt < 0.04) text = text.toLowerCase();
    else if (dirt < 0.08) text = text.replace(' ', '  ');
    return {
      CMPNO: this.cmpNo++,
      CMPRCV: toCyymmdd(day),
      // Dirt: a few channels never keyed.
      CMPCHN: rng.chance(0.03) ? '' : channel,
      CMPADR: rng.chance(0.03) ? ` ${site.address}` : site.address,
      // Dirt: a licence number keyed in lower case.
      CMPLIC: site.licNo && rng.chance(0.02) ? site.licNo.toLowerCase() : site.licNo,
      CMPDSC: text,
      CMPSTS: 'N',
      CMPCAS: 0,
    };
  }

  private caseRow(rng: Rng, casNo: number, site: Site, opened: number): EnfcasRow {
    const recent = opened > TODAY_DAY - 60;
    // Drawn whatever the case's age, so the rows after it do not depend on it.
    const ending = rng.weighted(CASE_ENDINGS);
    const stillOpen = rng.chance(0.04);
    const status = recent || stillOpen ? 'O' : ending;
    const officer = rng.pick(ENFORCEMENT_OFFICERS);
    const unassigned = rng.chance(0.2);
    const closedDay = Math.min(opened + rng.int(10, 120), TODAY_DAY - 1);
    const fine = rng.weighted(FINES);
    const paidDay = closedDay + rng.int(3, 60);
    const paid = rng.chance(0.6) && paidDay < TODAY_DAY;
    const closed = status !== 'O';
    const cited = status === 'T';
    const lastDay = cited && paid ? paidDay : closed ? closedDay : opened;
    return {
      CASNO: casNo,
      CASOPN: toCyymmdd(opened),
      CASADR: site.address,
      CASBUS: site.busNo,
      CASLIC: site.licNo,
      // Dirt: new cases not yet assigned, officer ids keyed in lower case.
      CASOFF: status === 'O' && unassigned ? '' : rng.chance(0.02) ? officer.toLowerCase() : officer,
      CASSTS: status,
      // Dirt: a few deadlines never keyed.
      CASDUE: rng.chance(0.03) ? 0 : toCyymmdd(opened + CASE_DEADLINE_DAYS),
      CASFIN: cited ? fine : 0,
      CASCLS: closed ? toCyymmdd(closedDay) : 0,
      CASPAY: cited && paid ? toCyymmdd(paidDay) : 0,
      CASUPD: rng.chance(0.1) ? '' : toTimestamp(lastDay, rng.int(8 * 3600, 17 * 3600)),
    };
  }
}
