// The one origin the workbench window may show: app://workbench. Chromium treats the registered
// "app" scheme as standard and secure (see app-protocol.ts), so pages there get a real origin
// that 'self' in the CSP and the IPC sender check can name. Pure: no electron import.

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on app://workbench exactly: scheme app, host workbench, no port, no
 * user or password. Compared field by field because Node's URL reports the origin of a
 * non-special scheme as "null", so comparing origins would be meaningless here.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * True for a blob: URL the app's own page made (`blob:app://workbench/<uuid>`): a document the
 * desk printed (receipt, certificate, report), which opens in its own window for the PDF viewer.
 */
export function isAppBlobUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || !url.startsWith('blob:')) return false;
  const inner = url.slice('blob:'.length);
  return isAppUrl(inner) && /^app:\/\/workbench\/[0-9a-f-]{36}$/i.test(inner);
}
