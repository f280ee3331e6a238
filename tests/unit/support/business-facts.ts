// A business's facts beyond its name, none of them known: for cache rows (support/cache-rows.ts)
// and for what a form says of a new business.
export const unknownBusinessFacts = {
  dbaName: null,
  ownerName: null,
  addressLine: null,
  city: null,
  state: null,
  postalCode: null,
  phone: null,
  taxId: null,
};
