/** The pages of the workbench and their hash routes (`#/runs`, `#/settings`, ...). */

/** Every page, in navigation order. */
export const PAGES = [
  { id: 'runs', label: 'Runs' },
  { id: 'new-run', label: 'New run' },
  { id: 'datasets', label: 'Datasets' },
  { id: 'gallery', label: 'Gallery' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'compare', label: 'Compare' },
  { id: 'training', label: 'Training' },
  { id: 'models', label: 'Models' },
  { id: 'jobs', label: 'Jobs' },
  { id: 'settings', label: 'Settings' },
] as const;

/** A page id. */
export type PageId = (typeof PAGES)[number]['id'];

/** The page shown for an empty or unknown hash. */
export const DEFAULT_PAGE: PageId = 'runs';

/** The page a location hash names; unknown hashes fall back to the runs list. */
export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return PAGES.find((page) => page.id === id)?.id ?? DEFAULT_PAGE;
}

/** The hash that shows a page. */
export function hashOf(page: PageId): string {
  return `#/${page}`;
}
