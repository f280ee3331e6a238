// New applications: duplicate suggestions, business and licence intake, requirement checklists, issuing (issue 5 point 1).
// Spread into the contract's operation table in contract.ts.
export const applicationOperations = {} as const;
