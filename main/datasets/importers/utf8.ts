/** Byte-level UTF-8 checks, used to say exactly where a file stops being valid UTF-8. */

/** Whether `byte` is a UTF-8 continuation byte (10xxxxxx). */
function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/** The allowed range of the second byte after a lead byte, and the sequence length; null if invalid. */
function sequenceShape(
  lead: number,
): { readonly length: number; readonly lo: number; readonly hi: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, lo: 0x80, hi: 0xbf };
  if (lead === 0xe0) return { length: 3, lo: 0xa0, hi: 0xbf };
  if (lead === 0xed) return { length: 3, lo: 0x80, hi: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, lo: 0x80, hi: 0xbf };
  if (lead === 0xf0) return { length: 4, lo: 0x90, hi: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, lo: 0x80, hi: 0xbf };
  if (lead === 0xf4) return { length: 4, lo: 0x80, hi: 0x8f };
  return null;
}

/**
 * The offset of the first byte of `bytes` that starts an invalid UTF-8 sequence, or -1 if there is
 * none. Up to three leading continuation bytes are skipped (they end a sequence begun in the previous
 * chunk); a sequence cut off by the end of `bytes` counts as valid (the next chunk may finish it).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < 3 && isContinuation(bytes[i])) i += 1;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const shape = sequenceShape(lead);
    if (!shape) return i;
    const second = bytes[i + 1];
    if (second === undefined) return -1;
    if (second < shape.lo || second > shape.hi) return i;
    for (let k = 2; k < shape.length; k += 1) {
      if (i + k >= bytes.length) return -1;
      if (!isContinuation(bytes[i + k])) return i;
    }
    i += shape.length;
  }
  return -1;
}

/** How many line feeds (0x0A) `bytes` holds before `end`. */
export function countLineFeeds(bytes: Uint8Array, end = bytes.length): number {
  let count = 0;
  let at = bytes.indexOf(0x0a);
  while (at >= 0 && at < end) {
    count += 1;
    at = bytes.indexOf(0x0a, at + 1);
  }
  return count;
}
