// Code enforcement (issue 13 point 4): complaints, the cases opened on them, and the steps of a
// case (assign, close, cite with a fine). The writes take the commands' own limits
// (command-defs/take-complaint.ts, open-case.ts, assign-case.ts, close-case.ts, cite-case.ts);
// reads are open to every role. Spread into the contract's operation table in contract.ts.
import { z } from 'zod';
import { CaseClosing, MAX_CASE_NOTE } from '../command-defs/close-case.ts';
import { MAX_CASE_COMPLAINTS } from '../command-defs/open-case.ts';
import { MAX_COMPLAINT_ADDRESS, MAX_COMPLAINT_DESCRIPTION } from '../command-defs/take-complaint.ts';
import {
  Complaint,
  ComplaintChannel,
  EnforcementCase,
  EnforcementCaseStatus,
  IsoDate,
  PositiveMoney,
  ScheduledInspection,
  Violation,
} from '../model.ts';

const CaseNumber = z
  .string({ error: 'A case number is needed.' })
  .trim()
  .min(1, 'A case number is needed.')
  .max(64, 'A case number is at most 64 characters.');
const Officer = z
  .string()
  .trim()
  .min(1, 'An officer is needed.')
  .max(8, 'An officer id is at most 8 characters.');

/** A case as the list shows it: how long it has been open (to its closing day, once closed). */
export const CaseRow = z.object({
  case: EnforcementCase,
  daysOpen: z.number().int(),
  complaints: z.number().int(),
  /** Past its deadline and still open. */
  overdue: z.boolean(),
});
export type CaseRow = z.infer<typeof CaseRow>;

export const caseOperations = {
  /** Cases, oldest open first, with their age; filtered by status (default open) and officer. */
  'cases.list': {
    input: z.object({
      status: z.union([EnforcementCaseStatus, z.literal('all')]).default('open'),
      officer: Officer.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ on: IsoDate, total: z.number().int(), cases: z.array(CaseRow) }),
  },
  /** One case with its complaints, and the visits to its place since it opened with their violations. */
  'cases.show': {
    input: z.object({ caseId: CaseNumber }),
    output: z.object({
      row: CaseRow,
      complaints: z.array(Complaint),
      visits: z.array(ScheduledInspection),
      violations: z.array(Violation),
    }),
  },
  /** Schedules a visit to an open case's place (its licence or its address), by default for its officer. */
  'cases.visit': {
    input: z.object({
      caseId: CaseNumber,
      kind: z.string().trim().min(1, 'A kind of inspection is needed.').max(4),
      on: IsoDate,
      inspector: Officer.optional(),
    }),
    output: z.object({
      operationId: z.string(),
      caseId: z.string(),
      inspectionId: z.string(),
      scheduledOn: IsoDate,
    }),
  },
  /** Takes a complaint about a place (a licence, or a bare address); suggests open cases there. */
  'cases.complaint': {
    input: z
      .object({
        address: z
          .string()
          .trim()
          .max(MAX_COMPLAINT_ADDRESS, `An address is at most ${MAX_COMPLAINT_ADDRESS} characters.`)
          .optional(),
        licenceId: z.string().trim().min(1).max(10).optional(),
        channel: ComplaintChannel,
        description: z
          .string()
          .max(
            MAX_COMPLAINT_DESCRIPTION,
            `A description is at most ${MAX_COMPLAINT_DESCRIPTION} characters.`,
          ),
        receivedOn: IsoDate.optional(),
      })
      .refine((v) => Boolean(v.address) || Boolean(v.licenceId), {
        message: 'Give the address complained about, or its licence.',
        path: ['address'],
      }),
    output: z.object({
      operationId: z.string(),
      complaintId: z.string(),
      address: z.string(),
      /** Open cases at the same place: a likely duplicate. */
      openCases: z.array(EnforcementCase),
    }),
  },
  /** Opens a case on complaints about one place. */
  'cases.open': {
    input: z.object({
      complaintIds: z
        .array(CaseNumber)
        .min(1, 'A case is opened on at least one complaint.')
        .max(MAX_CASE_COMPLAINTS),
      officer: Officer.optional(),
      correctBy: IsoDate.optional(),
    }),
    output: z.object({ operationId: z.string(), caseId: z.string(), correctBy: IsoDate.nullable() }),
  },
  /** Assigns or reassigns an open case (a supervisor). */
  'cases.assign': {
    input: z.object({ caseId: CaseNumber, officer: Officer }),
    output: z.object({ operationId: z.string(), caseId: z.string(), officer: z.string() }),
  },
  /** Closes an open case as corrected (default) or dismissed. */
  'cases.close': {
    input: z.object({
      caseId: CaseNumber,
      outcome: CaseClosing.optional(),
      note: z.string().max(MAX_CASE_NOTE, `A note is at most ${MAX_CASE_NOTE} characters.`).optional(),
    }),
    output: z.object({ operationId: z.string(), caseId: z.string(), outcome: CaseClosing }),
  },
  /** Cites an open case with a fine (a supervisor approves it); unpaid, it blocks the business's renewals. */
  'cases.cite': {
    input: z.object({ caseId: CaseNumber, fineCents: PositiveMoney }),
    output: z.object({
      operationId: z.string(),
      caseId: z.string(),
      fineCents: z.number().int(),
      businessId: z.string().nullable(),
    }),
  },
} as const;
