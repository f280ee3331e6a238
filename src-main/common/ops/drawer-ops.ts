// Cash drawer sessions, payments in a session, voids and refunds, end-of-day report (issue 5 point 3).
// Spread into the contract's operation table in contract.ts.
export const drawerOperations = {} as const;
