// The supervisor's numbers (issue 5 point 7).
// Spread into the contract's operation table in contract.ts.
export const dashboardOperations = {} as const;
