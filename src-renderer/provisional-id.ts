// How an id reads on screen. A record made on this desk before the legacy system numbered it has
// the id local:<operationId>; a clerk reads it as "P-" and the first eight characters of that
// operation (upper case), short enough to say at the counter, until the legacy number replaces it.
export const isProvisionalId = (id: string): boolean => id.startsWith('local:');

export const shownId = (id: string): string =>
  isProvisionalId(id) ? `P-${id.slice(6, 14).toUpperCase()}` : id;
