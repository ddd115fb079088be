/** The failures: samples whose LLM call, argument setting or render went wrong, with the error text. */
import { html, type Html } from '../html.js';
import type { ReportFailure } from '../report-data.js';

/** The failures section. */
export function failuresSection(failures: ReadonlyArray<ReportFailure>, total: number): Html {
  if (total === 0)
    return html`<section id="failures">
      <h2>Failures</h2>
      <p class="muted">None.</p>
    </section>`;
  const note =
    total > failures.length
      ? html`<p class="muted">Showing the first ${failures.length} of ${total}.</p>`
      : null;
  return html`<section id="failures">
    <h2>Failures (${total})</h2>
    ${note}
    <table class="failures">
      <thead>
        <tr>
          <th class="num">sample</th>
          <th>concept</th>
          <th>model</th>
          <th>language</th>
          <th class="num">round</th>
          <th>sample status</th>
          <th>render status</th>
          <th>error</th>
        </tr>
      </thead>
      <tbody>
        ${failures.map(
          (f) =>
            html`<tr>
              <td class="num">${f.sampleId}</td>
              <td>${f.text ?? '–'}</td>
              <td>${f.model}</td>
              <td>${f.language}</td>
              <td class="num">${f.round}</td>
              <td>${f.status}</td>
              <td>${f.renderStatus ?? '–'}</td>
              <td>
                <pre class="error">${f.error ?? ''}</pre>
                ${
                  f.response === null
                    ? null
                    : html`<details>
                        <summary>answer</summary>
                        <pre class="code">${f.response}</pre>
                      </details>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
