// UI text of the licence status actions and certificate and parts, English and Spanish (en.ts and es.ts take them under "licenceActions").
export const licenceActionsEn = {};

export const licenceActionsEs: typeof licenceActionsEn = {};
