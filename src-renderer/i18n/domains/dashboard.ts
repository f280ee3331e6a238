// UI text of the dashboard screens and parts, English and Spanish (en.ts and es.ts take them under "dashboard").
export const dashboardEn = {};

export const dashboardEs: typeof dashboardEn = {};
