/** Hash-based routing without a router library: the current page follows `location.hash`. */
import { useEffect, useState } from 'react';
import { pageFromHash, type PageId } from './routes.js';

/** The page named by the location hash, updated on `hashchange`. */
export function useHashPage(): PageId {
  const [page, setPage] = useState<PageId>(() => pageFromHash(window.location.hash));
  useEffect(() => {
    const update = () => setPage(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return page;
}
