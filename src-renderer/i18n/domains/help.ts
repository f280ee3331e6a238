// UI text of the help screens and parts, English and Spanish (en.ts and es.ts take them under "help").
export const helpEn = {};

export const helpEs: typeof helpEn = {};
