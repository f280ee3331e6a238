// The app:// scheme: the built renderer served from disk with the loopback host's security
// headers, instead of file:// (which would give every page the file system's origin).
import { protocol } from 'electron';
import { respondToAppRequest } from './app-responder.ts';
import { APP_SCHEME } from './app-url.ts';

/**
 * Must run before the app is ready. standard + secure give app://workbench a real, secure
 * origin; corsEnabled lets Vite's `<script type="module" crossorigin>` load from that same
 * origin (no Access-Control-Allow-Origin is ever sent, so other origins still cannot read it).
 * No bypassCSP, no service workers, no streaming.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/** Serves `rendererDir` on app://workbench in the default session. Call once the app is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, rendererDir));
}
