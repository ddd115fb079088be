/**
 * The report page: one static HTML document with a strict Content-Security-Policy (no scripts,
 * no network; styles only by hash; images only as data URIs or files beside the report), the
 * generic sections for every run and the sections of its kind.
 */
import { html, trustedHtml, type Html } from './html.js';
import type { ReportData } from './report-data.js';
import { REPORT_CSS, REPORT_CSS_SOURCE } from './report-styles.js';
import type { ImageSource } from './image-links.js';
import { failuresSection } from './sections/failures-section.js';
import { gallerySection } from './sections/gallery-section.js';
import { metricsSection } from './sections/metrics-section.js';
import { overviewSection } from './sections/overview-section.js';
import { provenanceSection } from './sections/provenance-section.js';

/** The policy of the page; `filesBeside` allows images from the report's own folder. */
export function reportPolicy(filesBeside: boolean): string {
  const images = filesBeside ? "data: 'self' file:" : 'data:';
  return [
    "default-src 'none'",
    `img-src ${images}`,
    `style-src ${REPORT_CSS_SOURCE}`,
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A section of the page with its table-of-contents entry. */
export interface PageSection {
  readonly id: string;
  readonly title: string;
  readonly body: Html;
}

/** The whole document. */
export function reportPage(
  data: ReportData,
  kindSections: ReadonlyArray<PageSection>,
  source: ImageSource,
  options: { readonly filesBeside: boolean; readonly generatedAt: string },
): string {
  const sections: PageSection[] = [
    { id: 'overview', title: 'Overview', body: overviewSection(data) },
    { id: 'metrics', title: 'Metrics', body: metricsSection(data.metrics) },
    ...kindSections,
    {
      id: 'gallery',
      title: 'Gallery',
      body: gallerySection(data.gallery, data.imageTotal, data.limits, source),
    },
    { id: 'failures', title: 'Failures', body: failuresSection(data.failures, data.failureTotal) },
    { id: 'provenance', title: 'Config and provenance', body: provenanceSection(data.run) },
  ];
  const page = html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${reportPolicy(options.filesBeside)}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${data.run.name} · Vision Check-up run report</title>
        ${trustedHtml(`<style>${REPORT_CSS}</style>`)}
      </head>
      <body>
        <header>
          <h1>${data.run.name}</h1>
          <p class="muted">${data.run.kind} run · ${data.run.status} · ${data.run.id}</p>
          <nav>${sections.map((s) => html`<a href="#${s.id}">${s.title}</a>`)}</nav>
        </header>
        ${sections.map((s) => s.body)}
        <footer>
          Report written by Vision Check-up Workbench at ${options.generatedAt}. A static file: no scripts, no
          network.
        </footer>
      </body>
    </html> `;
  return page.markup;
}
