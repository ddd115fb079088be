/** The gallery: the run's images (capped per concept and in all), each with what drew it. */
import { formatNumber, html, type Html } from '../html.js';
import type { ImageSource } from '../image-links.js';
import type { GalleryImage, ReportLimits } from '../report-data.js';

/** The gallery section. */
export function gallerySection(
  images: ReadonlyArray<GalleryImage>,
  total: number,
  limits: ReportLimits,
  source: ImageSource,
): Html {
  const note =
    total > images.length
      ? html`<p class="muted">
          Showing ${images.length} of ${total} images: the first ${limits.perConcept} per concept, at most
          ${limits.images}. The export has them all.
        </p>`
      : null;
  const figures = images.map((image) => {
    const src = source(image.imageHash);
    return html`<figure class="tile">
      ${src === null ? html`<p class="muted">image missing from the store</p>` : html`<img src="${src}" alt="${image.text ?? image.conceptKey ?? `concept ${image.conceptIdx}`}" loading="lazy" ${image.width ? html` width="${image.width}" height="${image.height}"` : null} />`}
      <figcaption>
        <span class="concept">${image.text ?? image.conceptKey ?? `concept ${image.conceptIdx}`}</span
        ><span>${image.model} · ${image.language}${image.round > 0 ? ` · round ${image.round}` : ''}</span
        ><span
          >#${image.sampleId}${image.fidelity === null ? '' : ` · fidelity ${formatNumber(image.fidelity, 1)}`}</span
        >
      </figcaption>
    </figure>`;
  });
  return html`<section id="gallery">
    <h2>Gallery</h2>
    ${note}${images.length === 0 ? html`<p class="muted">No images.</p>` : html`<div class="gallery">${figures}</div>`}
  </section>`;
}
