/**
 * Where the window may go and who may call: the UI lives only at `app://vcheck/`, IPC is answered
 * only for frames of that origin, and the only way out is an http(s) link opened in the system
 * browser. Pure predicates, tested under plain Node.
 */

/** The privileged scheme serving the built renderer. */
export const APP_SCHEME = 'app';
/** The one host of {@link APP_SCHEME}; the origin is `app://vcheck`. */
export const APP_HOST = 'vcheck';
/** The origin every trusted frame has. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is a page of our app (same scheme and host; no credentials, no port). */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * True when an IPC message comes from a frame showing our app. Electron gives the sender frame's
 * URL; a destroyed frame (undefined) or any other origin (an injected iframe, a navigated page) is
 * refused before the engine sees the request.
 */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return isAppUrl(frameUrl);
}

/** What the window does with a navigation or a window-open request. */
export type NavigationDecision =
  | { readonly action: 'allow' }
  | { readonly action: 'deny' }
  | { readonly action: 'open-external'; readonly url: string };

/**
 * Decides a navigation (`will-navigate`, `will-redirect`) or window-open request. In-app
 * navigation stays in the window (only when `allowInApp`; new windows are never opened); plain
 * http(s) links without credentials go to the system browser; everything else (file:, javascript:,
 * data:, custom schemes) is dropped.
 */
export function decideNavigation(url: string, allowInApp: boolean): NavigationDecision {
  if (isAppUrl(url)) return allowInApp ? { action: 'allow' } : { action: 'deny' };
  const parsed = parse(url);
  if (parsed === null) return { action: 'deny' };
  const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  if (!web || parsed.username !== '' || parsed.password !== '') return { action: 'deny' };
  return { action: 'open-external', url: parsed.href };
}
