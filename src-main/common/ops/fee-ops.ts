// Fee quotes from the fee engine, renewal checks and the renewal queue (issue 5 points 2 and 4).
// Spread into the contract's operation table in contract.ts.
export const feeOperations = {} as const;
