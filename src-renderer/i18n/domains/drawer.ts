// UI text of the drawer screens and parts, English and Spanish (en.ts and es.ts take them under "drawer").
export const drawerEn = {};

export const drawerEs: typeof drawerEn = {};
