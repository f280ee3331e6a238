// Licence certificates: issued for an active, unexpired licence with nothing pending that would
// change it, recorded in the desk's certificate table with the facts they certify (one cache
// transaction with the audit entry), and checked later by their verification code. A licence
// issued on this desk and not yet numbered by the legacy system (id local:<op>, P-XXXXXXXX) gets a
// TEMPORARY certificate instead, good for 30 days: the counter works with the legacy link cut.
import type { DocumentLanguage } from '../../common/ops/document-ops.ts';
import {
  type CertificateAnswer,
  type CertificateKind,
  type CertificateRecord,
  type CertifiedFacts,
  TEMPORARY_CERTIFICATE_DAYS,
} from '../../common/ops/status-ops.ts';
import { type ErrorText, errorText, WorkbenchError } from '../../common/errors.ts';
import type { LicenceStatus } from '../../common/model.ts';
import { zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { formatCode, newVerificationCode, readCode } from './verification-code.ts';
import {
  currentIdOf,
  followProvisional,
  licenceKey,
  provisionalOperation,
} from '../sync/provisional-refs.ts';
import { nextDeskNumber } from '../commands/desk-numbers.ts';

type Row = Record<string, unknown>;

/** The licence as the desk knows it now, in the shape a certificate prints. */
export function factsOf(
  db: Cache,
  licenceId: string,
): (CertifiedFacts & { refreshedAt: string | null }) | null {
  const row = db
    .prepare(
      `SELECT l.id, l.status, l.licence_type_code, t.name AS type_name, l.issued_on, l.expires_on, l.refreshed_at,
              b.id AS business_id, b.name, b.dba_name, b.address_line, b.city, b.state, b.postal_code
       FROM licence l LEFT JOIN business b ON b.id = l.business_id
       LEFT JOIN licence_type t ON t.code = l.licence_type_code WHERE l.id = ?`,
    )
    .get(licenceKey(db, licenceId)) as Row | undefined;
  if (!row) return null;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const place = [str(row.city), [str(row.state), str(row.postal_code)].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const address = [str(row.address_line), place || null].filter(Boolean).join(', ') || null;
  return {
    licenceId: row.id as string,
    status: row.status as LicenceStatus,
    licenceTypeCode: str(row.licence_type_code),
    licenceTypeName: str(row.type_name),
    issuedOn: str(row.issued_on),
    expiresOn: str(row.expires_on),
    businessId: String(row.business_id ?? ''),
    businessName: str(row.name) ?? '',
    dbaName: str(row.dba_name),
    address,
    refreshedAt: str(row.refreshed_at),
  };
}

/** Why no certificate can be issued now (a catalog message), or null. */
function refusalToCertify(db: Cache, facts: CertifiedFacts, today: string): ErrorText | null {
  const id = facts.licenceId;
  if (facts.status !== 'active')
    return errorText('certificate.not_active', { licenceId: id, status: facts.status });
  if (facts.expiresOn !== null && facts.expiresOn < today)
    return errorText('certificate.expired', { licenceId: id, expiresOn: facts.expiresOn });
  const pending = db
    .prepare(
      `SELECT entity, record_id, operation_id FROM pending_change
       WHERE (entity = 'licence' AND record_id = ?) OR (entity = 'business' AND record_id = ?)`,
    )
    .all(id, facts.businessId) as Array<{ entity: string; record_id: string; operation_id: string }>;
  // A provisional licence waits, by nature, for its own issue (and its new business's registration)
  // to reach the legacy system: those do not stop a temporary certificate; any other change does.
  // ... as long as they wait to be sent: one parked as a conflict may never give the licence a number.
  const stillWaiting = db.prepare(`SELECT 1 FROM outbox WHERE operation_id = ? AND status = 'pending'`);
  const own = (p: { record_id: string; operation_id: string }) =>
    provisionalOperation(p.record_id) === p.operation_id && stillWaiting.get(p.operation_id) !== undefined;
  const waiting = kindFor(facts) === 'temporary' ? pending.filter((p) => !own(p)) : pending;
  if (waiting.length > 0) {
    return errorText('certificate.change_pending', { licenceId: shown(id) });
  }
  return null;
}

/** A licence still under its provisional id gets a temporary certificate. */
const kindFor = (facts: CertifiedFacts): CertificateKind =>
  provisionalOperation(facts.licenceId) ? 'temporary' : 'permanent';

/** A provisional id as a clerk reads it (P- and the first eight characters of the operation). */
export const shown = (id: string): string => {
  const op = provisionalOperation(id);
  return op ? `P-${op.slice(0, 8).toUpperCase()}` : id;
};

/** The last day a temporary certificate issued today is good for: 30 days on, never past the licence's expiry. */
export function temporaryValidUntil(today: string, expiresOn: string | null): string {
  const end = new Date(`${today}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + TEMPORARY_CERTIFICATE_DAYS);
  const until = end.toISOString().slice(0, 10);
  return expiresOn !== null && expiresOn < until ? expiresOn : until;
}

function nextCertificateNo(db: Cache, deskId: string): string {
  return nextDeskNumber(db, deskId, 'certificate', 'C');
}

function toRecord(db: Cache, row: Row): CertificateRecord {
  return {
    certificateNo: row.certificate_no as string,
    verificationCode: formatCode(row.code as string),
    // A temporary certificate follows its licence (through a conflict applied again) to the city
    // number it was given; the row keeps the P- id it printed.
    licenceId: followProvisional(db, row.licence_id as string),
    kind: row.kind as CertificateKind,
    validUntil: (row.valid_until as string | null) ?? null,
    language: row.language as DocumentLanguage,
    issuedAt: row.issued_at as string,
    issuedBy: row.issued_by as string,
    deskId: row.desk_id as string,
    facts: JSON.parse(row.facts as string) as CertifiedFacts,
  };
}

/**
 * Records a certificate for the licence (the caller prints it from the record). Refused, with
 * nothing recorded, unless the licence is active, unexpired and has no change waiting.
 */
export function recordCertificate(
  desk: Desk,
  actor: string,
  input: { licenceId: string; language: DocumentLanguage },
  now = new Date(),
): CertificateRecord {
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'certificate.issue');
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  return db
    .transaction(() => {
      const found = factsOf(db, input.licenceId);
      if (!found) {
        throw new WorkbenchError('not_found', errorText('licence.not_found', { licenceId: input.licenceId }));
      }
      const { refreshedAt: _refreshedAt, ...facts } = found;
      const issuedAt = zonedIso(now, desk.timeZone);
      const today = issuedAt.slice(0, 10);
      const no = refusalToCertify(db, facts, today);
      if (no) throw new WorkbenchError('invalid_input', no);
      const kind = kindFor(facts);
      const validUntil = kind === 'temporary' ? temporaryValidUntil(today, facts.expiresOn) : null;
      const insert = db.prepare(
        `INSERT INTO certificate (certificate_no, code, licence_id, language, desk_id, issued_at, issued_by, facts, kind, valid_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const certificateNo = nextCertificateNo(db, deskId);
      // 50 random bits: a clash is all but impossible; should one happen, draw again.
      let code = newVerificationCode();
      for (let tries = 0; ; tries++) {
        try {
          insert.run(
            certificateNo,
            code,
            facts.licenceId,
            input.language,
            deskId,
            issuedAt,
            actor,
            JSON.stringify(facts),
            kind,
            validUntil,
          );
          break;
        } catch (err) {
          if (tries >= 3 || !/UNIQUE.*certificate\.code/.test(String(err))) throw err;
          code = newVerificationCode();
        }
      }
      audit(db, {
        at: issuedAt,
        actor,
        action: 'certificate.issue',
        subject: facts.licenceId,
        detail: { certificateNo, expiresOn: facts.expiresOn, language: input.language, kind, validUntil },
      });
      return toRecord(
        db,
        db.prepare('SELECT * FROM certificate WHERE certificate_no = ?').get(certificateNo) as Row,
      );
    })
    .immediate();
}

/** The licence's certificates, with the temporary ones printed under the provisional id it had before its city number. */
export function listCertificates(db: Cache, licenceId: string): CertificateRecord[] {
  const id = licenceKey(db, licenceId);
  return (
    db
      .prepare(
        `SELECT * FROM certificate
         WHERE licence_id = ?
            OR licence_id IN (SELECT local_id FROM adopted_id WHERE entity = 'licence' AND legacy_id = ?)
         ORDER BY issued_at DESC, certificate_no DESC`,
      )
      .all(id, id) as Row[]
  ).map((row) => toRecord(db, row));
}

/** The facts a later change makes a certificate stale on. */
const comparedFacts = [
  'licenceTypeCode',
  'issuedOn',
  'expiresOn',
  'businessId',
  'businessName',
  'dbaName',
  'address',
] as const satisfies readonly (keyof CertifiedFacts)[];

export interface Verification {
  answer: CertificateAnswer;
  code: string;
  certificate: CertificateRecord | null;
  now: CertifiedFacts | null;
  changed: string[];
  refreshedAt: string | null;
}

/** What a typed code says now, from this desk's certificates and its cached licence. */
export function verifyCertificate(desk: Desk, typed: string, now = new Date()): Verification {
  const db = desk.cache;
  const read = readCode(typed);
  const none = { certificate: null, now: null, changed: [], refreshedAt: null };
  if (!read.ok) {
    const code = read.why === 'mistyped' ? formatCode(read.code) : read.code;
    return { answer: read.why, code, ...none };
  }
  const code = formatCode(read.code);
  const row = db.prepare('SELECT * FROM certificate WHERE code = ?').get(read.code) as Row | undefined;
  if (!row) return { answer: 'unknown', code, ...none };
  const certificate = toRecord(db, row);
  const found = factsOf(db, certificate.licenceId);
  if (!found) return { answer: 'licence_missing', code, ...none, certificate };
  const { refreshedAt, ...current } = found;
  const today = zonedIso(now, desk.timeZone).slice(0, 10);
  const changed = comparedFacts.filter(
    (f) => normalised(db, f, certificate.facts[f]) !== normalised(db, f, current[f]),
  );
  const answer: CertificateAnswer =
    current.status === 'suspended' || current.status === 'revoked' || current.status === 'closed'
      ? current.status
      : current.status === 'expired' ||
          (current.expiresOn !== null && current.expiresOn < today) ||
          (certificate.validUntil !== null && certificate.validUntil < today)
        ? 'expired'
        : certificate.kind === 'temporary'
          ? temporaryAnswer(db, certificate, current, changed)
          : changed.length > 0 || current.status !== 'active'
            ? 'superseded'
            : 'valid';
  return { answer, code, certificate, now: current, changed, refreshedAt };
}

/** A fact as compared: a business id printed provisional counts as the legacy id it became. */
function normalised(db: Cache, fact: (typeof comparedFacts)[number], value: string | null | undefined) {
  if (value === null || value === undefined) return null;
  return fact === 'businessId' ? currentIdOf(db, value) : value;
}

/**
 * A temporary certificate within its validity: superseded once a permanent certificate of the
 * licence is printed; once the licence has its city number, it says to print the permanent one.
 */
function temporaryAnswer(
  db: Cache,
  certificate: CertificateRecord,
  current: CertifiedFacts,
  changed: string[],
): CertificateAnswer {
  const permanent = db
    .prepare(`SELECT 1 FROM certificate WHERE licence_id = ? AND kind = 'permanent' AND issued_at >= ?`)
    .get(current.licenceId, certificate.issuedAt);
  if (permanent || current.status !== 'active') return 'superseded';
  if (!provisionalOperation(current.licenceId)) return 'temporary_numbered';
  return changed.length > 0 ? 'superseded' : 'temporary';
}
