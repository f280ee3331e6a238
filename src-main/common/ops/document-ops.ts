// Printable documents (PDF): receipts and the other documents of the counter (issue 5 points 3-5).
// Spread into the contract's operation table in contract.ts.
export const documentOperations = {} as const;
