// Batch renewal runs: build, review, validate, notices, post in chunks, resume (issue 5 point 4).
// Spread into the contract's operation table in contract.ts.
export const batchOperations = {} as const;
