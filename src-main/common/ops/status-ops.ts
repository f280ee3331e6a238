// Licence status changes through the status machine, and certificates with verification codes (issue 5 point 5).
// Spread into the contract's operation table in contract.ts.
export const statusOperations = {} as const;
