// UI text of the batch screens and parts, English and Spanish (en.ts and es.ts take them under "batch").
export const batchEn = {};

export const batchEs: typeof batchEn = {};
