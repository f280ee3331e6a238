// The new application form: the business as typed (or one already on file), the licence type,
// and how they become the applications.create input. The facts are checked by the contract's
// NewBusiness (its lengths are the legacy columns'), the rest by applications.create's own fields.
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import { operations } from '../../src-main/common/contract.ts';
import { NewBusiness } from '../../src-main/common/ops/application-ops.ts';

const create = operations['applications.create'].input.shape;
const [newOption, existingOption] = create.business.options;

/** The facts a clerk types about a new business, in the form's order. */
export const businessFields = [
  'name',
  'dbaName',
  'ownerName',
  'addressLine',
  'city',
  'state',
  'postalCode',
  'phone',
  'taxId',
] as const;
export type BusinessField = (typeof businessFields)[number];

/** A text schema's longest, through the optional, nullable and transform wrappers around it. */
function longest(schema: z.core.$ZodType): number | undefined {
  const max = (schema as { maxLength?: unknown }).maxLength;
  if (typeof max === 'number') return max;
  const def = schema._zod.def as { in?: z.core.$ZodType; innerType?: z.core.$ZodType };
  const inner = def.in ?? def.innerType;
  return inner ? longest(inner) : undefined;
}

/** The longest each fact may be (the input stops there), from the contract's NewBusiness. */
export const businessFieldMax = Object.fromEntries(
  businessFields.map((f) => [f, longest(NewBusiness.shape[f])]),
) as Record<BusinessField, number | undefined>;

export type ApplicationValues = Record<BusinessField, string> & {
  /** 'existing' once the clerk chose a business on file (existingId), else 'new'. */
  business: 'new' | 'existing';
  existingId: string;
  /** Suggestions shown and dismissed (business ids), recorded in the audit. */
  dismissed: string[];
  licenceTypeCode: string;
};

export const emptyApplication: ApplicationValues = {
  ...(Object.fromEntries(businessFields.map((f) => [f, ''])) as Record<BusinessField, string>),
  business: 'new',
  existingId: '',
  dismissed: [],
  licenceTypeCode: '',
};

const typedFacts = Object.fromEntries(businessFields.map((f) => [f, z.string()])) as Record<
  BusinessField,
  z.ZodString
>;

export const applicationSchema = z
  .discriminatedUnion('business', [
    z.object({
      business: z.literal('new'),
      existingId: z.string(),
      ...NewBusiness.shape,
      dismissed: newOption.shape.dismissed,
      licenceTypeCode: create.licenceTypeCode,
    }),
    z.object({
      ...typedFacts,
      business: z.literal('existing'),
      existingId: existingOption.shape.businessId,
      dismissed: z.array(z.string()),
      licenceTypeCode: create.licenceTypeCode,
    }),
  ])
  .transform((values) => ({
    business:
      values.business === 'existing'
        ? { kind: 'existing' as const, businessId: values.existingId }
        : {
            kind: 'new' as const,
            facts: Object.fromEntries(businessFields.map((f) => [f, values[f]])) as NewBusiness,
            dismissed: values.dismissed,
          },
    licenceTypeCode: values.licenceTypeCode,
  }));
export type ApplicationInput = z.output<typeof applicationSchema>;

/**
 * The resolver for the form. Typed by the form's values: the contract's NewBusiness also takes
 * null or nothing for a fact, which the form (always text) never gives.
 */
export const applicationResolver = zodResolver(applicationSchema) as unknown as Resolver<
  ApplicationValues,
  unknown,
  ApplicationInput
>;
