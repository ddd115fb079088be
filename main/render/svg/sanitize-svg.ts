/**
 * Sanitizes model-written SVG before rasterising: resvg embeds local files named by any href
 * (absolute, relative, entity-encoded, `<feImage>`), so only `#fragment` and raster
 * `data:image/...;base64` references survive; DOCTYPE/ENTITY (XXE, billion laughs) are refused;
 * scripts, `<foreignObject>` and event handlers are dropped; the input size is capped.
 */

/** Largest SVG source accepted, in bytes. */
export const MAX_SVG_BYTES = 2 << 20;

/** The sanitized SVG, or why it was refused. */
export type SanitizedSvg =
  | { readonly ok: true; readonly svg: string; readonly removed: readonly string[] }
  | { readonly ok: false; readonly status: 'compile_error' | 'resource_limit'; readonly error: string };

const SAFE_REFERENCE = /^(#[^\s"'<>]*|data:image\/(png|jpeg|jpg|gif|webp);base64,[A-Za-z0-9+/=\s]*)$/i;
const HREF = /\s([\w.-]+:)?href\s*=\s*(["'])([\s\S]*?)\2/gi;
const EVENT_HANDLER = /\son[a-z]+\s*=\s*(["'])[\s\S]*?\1/gi;
const URL_FUNCTION = /url\(\s*(["']?)([^)'"]*)\1\s*\)/gi;

/** Removes whole elements named `tag`, with their content, and self-closing ones. */
function dropElements(svg: string, tag: string, removed: string[]): string {
  const paired = new RegExp(`<(\\w+:)?${tag}\\b[\\s\\S]*?<\\/(\\w+:)?${tag}\\s*>`, 'gi');
  const single = new RegExp(`<(\\w+:)?${tag}\\b[^>]*\\/?>`, 'gi');
  const out = svg
    .replace(paired, () => (removed.push(tag), ''))
    .replace(single, () => (removed.push(tag), ''));
  return out;
}

/** Sanitizes `svg` (see the module comment). */
export function sanitizeSvg(svg: string): SanitizedSvg {
  if (Buffer.byteLength(svg) > MAX_SVG_BYTES)
    return { ok: false, status: 'resource_limit', error: `SVG is larger than ${MAX_SVG_BYTES >> 20} MiB` };
  if (/<!DOCTYPE|<!ENTITY|<!\[CDATA\[[\s\S]*?<!ENTITY/i.test(svg))
    return {
      ok: false,
      status: 'compile_error',
      error: 'DOCTYPE/ENTITY declarations are not allowed in SVG',
    };
  const removed: string[] = [];
  let out = svg.replace(/<\?xml-stylesheet[^>]*\?>/gi, () => (removed.push('xml-stylesheet'), ''));
  for (const tag of ['script', 'foreignObject', 'iframe', 'embed', 'object'])
    out = dropElements(out, tag, removed);
  out = out.replace(EVENT_HANDLER, () => (removed.push('event handler'), ''));
  out = out.replace(HREF, (whole, prefix: string | undefined, quote: string, value: string) => {
    if (SAFE_REFERENCE.test(value.trim())) return whole;
    removed.push(`href ${value.slice(0, 40)}`);
    return '';
  });
  out = out.replace(URL_FUNCTION, (whole, _quote: string, value: string) =>
    value.trim().startsWith('#') ? whole : (removed.push(`url(${value.slice(0, 40)})`), 'none'),
  );
  out = out.replace(/@import[^;]*;?/gi, () => (removed.push('@import'), ''));
  return { ok: true, svg: out, removed };
}
