/** The run's config (secrets redacted) and the versions of everything that shaped its numbers. */
import { html, type Html } from '../html.js';
import type { ReportRun } from '../report-data.js';
import { redactSecrets } from '../../runs/redact.js';

/** The provenance section. */
export function provenanceSection(run: ReportRun): Html {
  return html`<section id="provenance">
    <h2>Config and provenance</h2>
    <h3>Config</h3>
    <pre class="json">${JSON.stringify(redactSecrets(run.config), null, 2)}</pre>
    <h3>Versions</h3>
    ${run.versions === null ? html`<p class="muted">Not recorded.</p>` : html`<pre class="json">${JSON.stringify(run.versions, null, 2)}</pre>`}
  </section>`;
}
