// UI text of the fees screens and parts, English and Spanish (en.ts and es.ts take them under "fees").
export const feesEn = {};

export const feesEs: typeof feesEn = {};
