// Hash routes (`#/` search, `#/licence/<number>`, `#/conflicts`, `#/conflicts/<id>`,
// `#/inspections`, `#/inspections/<id>` …), so
// back/forward work, a page can be reloaded, and the app runs unchanged under app:// and under the
// loopback host.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'search' }
  | { name: 'licence'; licenceId: string }
  | { name: 'conflicts'; conflictId: number | null }
  | { name: 'drawer' }
  | { name: 'renewals' }
  | { name: 'batch'; batchId: string | null }
  | { name: 'application'; applicationId: string | null }
  | { name: 'dashboard' }
  | { name: 'verify' }
  | { name: 'inspections' }
  | { name: 'inspection'; inspectionId: string };

/** Screens at a fixed address (`#/drawer` …). */
const fixedRoutes: Record<string, Route> = {
  '#/drawer': { name: 'drawer' },
  '#/renewals': { name: 'renewals' },
  '#/renewals/batch/new': { name: 'batch', batchId: null },
  '#/applications/new': { name: 'application', applicationId: null },
  '#/dashboard': { name: 'dashboard' },
  '#/certificates/verify': { name: 'verify' },
  '#/inspections': { name: 'inspections' },
};

export function parseRoute(hash: string): Route {
  const fixed = fixedRoutes[hash];
  if (fixed) return fixed;
  const b = /^#\/renewals\/batch\/([A-Za-z0-9-]{1,64})$/.exec(hash);
  if (b?.[1]) return { name: 'batch', batchId: b[1] };
  const a = /^#\/applications\/([A-Za-z0-9:-]{1,64})$/.exec(hash);
  if (a?.[1]) return { name: 'application', applicationId: a[1] };
  // An inspection number, or local:<operation> for a visit scheduled on this desk.
  const i = /^#\/inspections\/([A-Za-z0-9:%-]{1,80})$/.exec(hash);
  if (i?.[1]) return { name: 'inspection', inspectionId: decodeURIComponent(i[1]) };
  const c = /^#\/conflicts(?:\/(\d{1,15}))?$/.exec(hash);
  if (c) return { name: 'conflicts', conflictId: c[1] ? Number(c[1]) : null };
  const m = /^#\/licence\/([^/?#]+)$/.exec(hash);
  if (m?.[1]) {
    try {
      return { name: 'licence', licenceId: decodeURIComponent(m[1]) };
    } catch {
      // a malformed escape falls through to the search
    }
  }
  return { name: 'search' };
}

export const licenceHref = (licenceId: string): string => `#/licence/${encodeURIComponent(licenceId)}`;
export const conflictsHref = (conflictId?: number): string =>
  conflictId === undefined ? '#/conflicts' : `#/conflicts/${conflictId}`;

export const batchHref = (batchId?: string): string =>
  `#/renewals/batch/${batchId === undefined ? 'new' : encodeURIComponent(batchId)}`;
export const applicationHref = (applicationId?: string): string =>
  `#/applications/${applicationId === undefined ? 'new' : encodeURIComponent(applicationId)}`;

export const inspectionHref = (inspectionId?: string): string =>
  inspectionId === undefined ? '#/inspections' : `#/inspections/${encodeURIComponent(inspectionId)}`;

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** Set by openLicence so Back can return through history (keeping the browser's stack honest). */
let openedFromSearch = false;

export function openLicence(licenceId: string): void {
  openedFromSearch = true;
  window.location.hash = licenceHref(licenceId);
}

export function backToSearch(): void {
  if (openedFromSearch && parseRoute(window.location.hash).name === 'licence') {
    openedFromSearch = false;
    window.history.back();
  } else {
    window.location.hash = '#/';
  }
}
