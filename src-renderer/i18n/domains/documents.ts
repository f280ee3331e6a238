// UI text of the documents screens and parts, English and Spanish (en.ts and es.ts take them under "documents").
export const documentsEn = {};

export const documentsEs: typeof documentsEn = {};
