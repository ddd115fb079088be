/**
 * Escaped-by-default HTML building for the run report. Every interpolated value of the `html`
 * tag is escaped unless it is already {@link Html} (built by the tag itself), so model output,
 * concept text and error messages can only ever become text: a `<script>` in an answer stays
 * `&lt;script&gt;`.
 */

/** A fragment of markup that is known to be safe (made by {@link html} or {@link trustedHtml}). */
export class Html {
  constructor(readonly markup: string) {}

  /** The markup. */
  toString(): string {
    return this.markup;
  }
}

/** What may be interpolated: text (escaped), numbers, fragments, lists of those; null/false render nothing. */
export type HtmlValue = Html | string | number | boolean | null | undefined | ReadonlyArray<HtmlValue>;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: ReadonlyArray<HtmlValue>): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1]!;
  });
  return new Html(markup);
}

/** Marks markup written by this module's own code (never data) as safe; use sparingly. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/** A number for display: `digits` decimals, or an en dash when absent. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}
