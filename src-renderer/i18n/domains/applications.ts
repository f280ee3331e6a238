// UI text of the applications screens and parts, English and Spanish (en.ts and es.ts take them under "applications").
export const applicationsEn = {};

export const applicationsEs: typeof applicationsEn = {};
