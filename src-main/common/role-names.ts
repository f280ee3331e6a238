// The staff roles, on their own so that command definitions (command-defs/) can name the roles
// of their actions without importing roles.ts, which is built from those definitions.
export const roleNames = ['clerk', 'inspector', 'supervisor', 'admin'] as const;
export type Role = (typeof roleNames)[number];
