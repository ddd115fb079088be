/** The web-mode access token: taken from the first URL, kept for the tab, hidden from the address bar. */
import { TOKEN_QUERY_PARAM } from '../../shared/transport.js';

const STORAGE_KEY = 'vcheck.token';

/** What {@link takeToken} needs from the page (so tests can pass plain objects). */
export interface TokenPage {
  readonly location: { readonly href: string };
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Returns the token of this tab. A token in the URL wins and is stored in sessionStorage (so a
 * reload keeps working) and removed from the address bar (so it does not end up in screenshots,
 * bookmarks or shared links).
 */
export function takeToken(page: TokenPage): string | null {
  const url = new URL(page.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    page.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    page.history.replaceState(page.history.state, '', url.toString());
    return fromUrl;
  }
  return page.sessionStorage.getItem(STORAGE_KEY);
}
