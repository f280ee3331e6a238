// New applications: duplicate suggestions, business and licence intake, requirement checklists, issuing (issue 5 point 1).
// Spread into the contract's operation table in contract.ts.
import { z } from 'zod';
import { Business, Cents, IsoTimestamp } from '../model.ts';

export const matchReasons = [
  'same_name',
  'similar_name',
  'same_address',
  'same_phone',
  'same_tax_id',
] as const;
export const MatchReason = z.enum(matchReasons);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** What the clerk types about a new business (lengths are the legacy columns'). */
export const NewBusiness = z.object({
  name: z.string().trim().min(1).max(40),
  dbaName: optionalText(40),
  ownerName: optionalText(40),
  addressLine: optionalText(40),
  city: optionalText(20),
  state: optionalText(2),
  postalCode: optionalText(10),
  phone: optionalText(14),
  taxId: optionalText(11),
});
export type NewBusiness = z.infer<typeof NewBusiness>;

export const DuplicateSuggestion = z.object({
  businessId: z.string(),
  name: z.string(),
  dbaName: z.string().nullable(),
  ownerName: z.string().nullable(),
  addressLine: z.string().nullable(),
  phone: z.string().nullable(),
  taxId: z.string().nullable(),
  /** Why it may be the same business, strongest first. */
  reasons: z.array(MatchReason),
  score: z.number(),
  /** 0..1, how alike the names are after normalising (case, punctuation, Inc/LLC, & and "and"). */
  nameSimilarity: z.number(),
  licenceIds: z.array(z.string()),
  /** Registered on this desk, not yet in the legacy system. */
  provisional: z.boolean(),
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

export const requirementKinds = ['document', 'inspection', 'approval'] as const;
export const requirementStates = ['open', 'received', 'passed', 'approved', 'waived'] as const;
export const RequirementState = z.enum(requirementStates);

export const RequirementItem = z.object({
  code: z.string(),
  labelEn: z.string(),
  labelEs: z.string(),
  kind: z.enum(requirementKinds),
  required: z.boolean(),
  state: RequirementState,
  note: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneAt: IsoTimestamp.nullable(),
});
export type RequirementItem = z.infer<typeof RequirementItem>;

export const applicationStatuses = ['open', 'issued', 'withdrawn'] as const;

export const ApplicationSummary = z.object({
  id: z.string(),
  businessId: z.string(),
  businessName: z.string(),
  licenceTypeCode: z.string(),
  licenceTypeName: z.string().nullable(),
  status: z.enum(applicationStatuses),
  licenceId: z.string().nullable(),
  createdAt: IsoTimestamp,
  createdBy: z.string(),
  openRequired: z.number().int(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationDetail = z.object({
  application: ApplicationSummary.extend({
    issuedAt: IsoTimestamp.nullable(),
    issuedBy: z.string().nullable(),
    /** Duplicate suggestions the clerk dismissed before registering the business. */
    dismissed: z.array(z.string()),
  }),
  business: Business,
  /** The business waits on this desk for its legacy number. */
  businessProvisional: z.boolean(),
  /** The licence waits on this desk for its legacy number (shown as a provisional number). */
  licenceProvisional: z.boolean(),
  items: z.array(RequirementItem),
  /** Required items not yet received, passed, approved or waived: issuing waits for them. */
  openRequired: z.array(z.string()),
  /** What is due when the licence is issued: the type's annual (base) fee and its application fee, today (taken at the licence screen). */
  feeCents: Cents.nullable(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const applicationOperations = {
  /** Businesses on this desk that may be the one being typed in, each with why it matched. */
  'applications.suggestDuplicates': {
    input: z.object({
      name: z.string().max(40).default(''),
      dbaName: z.string().max(40).nullish(),
      addressLine: z.string().max(40).nullish(),
      phone: z.string().max(20).nullish(),
      taxId: z.string().max(11).nullish(),
      limit: z.number().int().min(1).max(50).default(8),
    }),
    output: z.object({ suggestions: z.array(DuplicateSuggestion), tookMs: z.number() }),
  },
  /** Licence types a new application can be for, with the size of their checklists. */
  'applications.licenceTypes': {
    input: z.object({}),
    output: z.object({
      types: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          requirements: z.number().int(),
          feeCents: Cents.nullable(),
        }),
      ),
    }),
  },
  /** A new application, for a new business (registered through the outbox) or one already known. */
  'applications.create': {
    input: z.object({
      business: z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('new'),
          facts: NewBusiness,
          /** Suggestions shown and dismissed (business ids): recorded in the audit. */
          dismissed: z.array(z.string().max(64)).max(50).default([]),
        }),
        z.object({ kind: z.literal('existing'), businessId: z.string().min(1).max(64) }),
      ]),
      licenceTypeCode: z.string().min(1).max(4),
    }),
    output: ApplicationDetail,
  },
  'applications.get': {
    input: z.object({ applicationId: z.string().min(1).max(64) }),
    output: ApplicationDetail,
  },
  'applications.list': {
    input: z.object({
      status: z.enum(['open', 'issued', 'all']).default('open'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ applications: z.array(ApplicationSummary) }),
  },
  /** Mark a checklist item received / passed / approved, waived (supervisor), or open again. */
  'applications.updateRequirement': {
    input: z.object({
      applicationId: z.string().min(1).max(64),
      code: z.string().min(1).max(40),
      state: RequirementState,
      note: z.string().max(500).optional(),
    }),
    output: ApplicationDetail,
  },
  /** The applicant gave up: the application is closed without a licence, with the reason. */
  'applications.withdraw': {
    input: z.object({ applicationId: z.string().min(1).max(64), reason: z.string().trim().min(1).max(500) }),
    output: ApplicationDetail,
  },
  /** Issue the licence: refused while a required item is open (the error names them). */
  'applications.issue': {
    input: z.object({ applicationId: z.string().min(1).max(64) }),
    output: ApplicationDetail,
  },
} as const;
