// Licence status changes through the status machine, transfers to a new owner, and certificates
// with verification codes (issue 5 point 5).
// Spread into the contract's operation table in contract.ts.
import { z } from 'zod';
import { IsoDate, IsoTimestamp, LicenceNumber, LicenceStatus } from '../model.ts';
import { MAX_STATUS_REASON, PersonStatusAction } from '../command-defs/change-licence-status.ts';
import { MAX_TRANSFER_REASON, TransferLicencePayload } from '../command-defs/transfer-licence.ts';
import { DocumentLanguage, PrintedDocument } from './document-ops.ts';

/** What a verification code says now. */
export const certificateAnswers = [
  'valid', // the licence is in force with the facts printed on the certificate
  'temporary', // a temporary certificate of a licence still waiting for its city number, within its validity
  'temporary_numbered', // a temporary certificate whose licence has its city number now: print the permanent one
  'superseded', // the licence was renewed or changed since: a newer certificate is needed
  'suspended', // the licence is suspended now
  'revoked', // the licence was revoked
  'closed', // the licence was closed
  'expired', // the licence has expired
  'licence_missing', // the certificate exists, its licence is no longer on this desk
  'unknown', // no certificate of this desk has this code
  'mistyped', // the code's check symbol does not match: a symbol was mistyped
  'malformed', // not a code at all (wrong length or letters a code never has)
] as const;
export const CertificateAnswer = z.enum(certificateAnswers);
export type CertificateAnswer = z.infer<typeof CertificateAnswer>;

/** The licence facts a certificate prints (and a later check compares). */
export const CertifiedFacts = z.object({
  licenceId: z.string(),
  status: LicenceStatus,
  licenceTypeCode: z.string().nullable(),
  licenceTypeName: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  businessId: z.string(),
  businessName: z.string(),
  dbaName: z.string().nullable(),
  address: z.string().nullable(),
});
export type CertifiedFacts = z.infer<typeof CertifiedFacts>;

/** permanent: under the licence's city number; temporary: for a licence issued on this desk still waiting for it. */
export const CertificateKind = z.enum(['permanent', 'temporary']);
export type CertificateKind = z.infer<typeof CertificateKind>;

/** How long a temporary certificate is good for (at most until the licence's own expiry). */
export const TEMPORARY_CERTIFICATE_DAYS = 30;

export const CertificateRecord = z.object({
  certificateNo: z.string(),
  /** As printed, in groups: 7KQ3-M9XT-2RD. */
  verificationCode: z.string(),
  /**
   * The licence's id now: for a temporary certificate printed under a provisional id (local:<op>),
   * the city number once the sync adopted it (facts.licenceId keeps the number as printed).
   */
  licenceId: z.string(),
  kind: CertificateKind,
  /** The last day a temporary certificate is good for; null for a permanent one. */
  validUntil: IsoDate.nullable(),
  language: DocumentLanguage,
  issuedAt: IsoTimestamp,
  issuedBy: z.string(),
  deskId: z.string(),
  facts: CertifiedFacts,
});
export type CertificateRecord = z.infer<typeof CertificateRecord>;

export const statusOperations = {
  /** Suspend, revoke, close or reinstate a licence, with a reason; the status machine decides. */
  'licences.changeStatus': {
    input: z.object({
      licenceId: LicenceNumber,
      action: PersonStatusAction,
      reason: z.string().max(MAX_STATUS_REASON),
      /** The status shown to the person: refused if the desk holds another by now. */
      expectedStatus: LicenceStatus.optional(),
    }),
    output: z.object({
      operationId: z.string(),
      licenceId: z.string(),
      action: PersonStatusAction,
      from: LicenceStatus,
      to: LicenceStatus,
    }),
  },
  /** Transfers an active licence to a new owner (a business the desk holds), with a reason. */
  'licences.transfer': {
    input: z.object({
      licenceId: LicenceNumber,
      toBusinessId: TransferLicencePayload.shape.toBusinessId,
      reason: z.string().max(MAX_TRANSFER_REASON, `A reason is at most ${MAX_TRANSFER_REASON} characters.`),
    }),
    output: z.object({
      operationId: z.string(),
      licenceId: z.string(),
      fromBusinessId: z.string(),
      toBusinessId: z.string(),
    }),
  },
  /** The status changes made at this desk to a licence, newest first, with reasons and how far each got. */
  'licences.statusHistory': {
    input: z.object({ licenceId: LicenceNumber }),
    output: z.object({
      changes: z.array(
        z.object({
          at: IsoTimestamp,
          actor: z.string(),
          action: PersonStatusAction,
          from: LicenceStatus,
          to: LicenceStatus,
          reason: z.string(),
          operationId: z.string(),
          /** pending: waits for the legacy database; applied: there; conflict: waits for a person. */
          state: z.enum(['pending', 'applied', 'conflict', 'failed', 'unknown']),
        }),
      ),
    }),
  },
  /**
   * A certificate (PDF) for an active, unexpired licence with nothing pending that would change it;
   * a temporary one (kind 'temporary') for a licence issued on this desk still waiting for its city
   * number, whose only pending changes are its own issue and its business's registration.
   */
  'certificates.issue': {
    input: z.object({ licenceId: LicenceNumber, language: DocumentLanguage.default('en') }),
    output: PrintedDocument.extend({ certificate: CertificateRecord }),
  },
  /** The certificates this desk issued for a licence, newest first. */
  'certificates.list': {
    input: z.object({ licenceId: LicenceNumber }),
    output: z.object({ certificates: z.array(CertificateRecord) }),
  },
  /** What a verification code says now: valid, superseded, the licence's status, or unknown. */
  'certificates.verify': {
    input: z.object({ code: z.string().max(64) }),
    output: z.object({
      answer: CertificateAnswer,
      /** The code as read (normalised, grouped) when it is one. */
      code: z.string(),
      certificate: CertificateRecord.nullable(),
      /** The licence as this desk knows it now. */
      now: CertifiedFacts.nullable(),
      /** Facts that differ between the certificate and the licence now (superseded). */
      changed: z.array(z.string()),
      /** When this desk last refreshed the licence from the legacy database. */
      refreshedAt: IsoTimestamp.nullable(),
    }),
  },
} as const;
