/** Hash routing: which page a location hash shows. */
import { describe, expect, it } from 'vitest';
import { hashOf, pageFromHash, PAGES } from '../../../../renderer/app/routes.js';

describe('hash routes', () => {
  it('round-trips every page through its hash', () => {
    for (const page of PAGES) expect(pageFromHash(hashOf(page.id))).toBe(page.id);
  });

  it('shows the runs list for an empty or unknown hash', () => {
    expect(pageFromHash('')).toBe('runs');
    expect(pageFromHash('#/no-such-page')).toBe('runs');
  });

  it('ignores sub-paths and queries after the page id', () => {
    expect(pageFromHash('#/settings/doctor')).toBe('settings');
    expect(pageFromHash('#gallery?run=1')).toBe('gallery');
  });

  it('lists the pages the issue names (plus Datasets and Jobs), in order', () => {
    expect(PAGES.map((p) => p.label)).toEqual([
      'Runs',
      'New run',
      'Datasets',
      'Gallery',
      'Metrics',
      'Compare',
      'Training',
      'Models',
      'Jobs',
      'Settings',
    ]);
  });
});
