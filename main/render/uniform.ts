/** Uniform-colour test on raw RGBA pixels (the core of blank detection). */

/** Largest per-channel difference still counted as "the same colour" (anti-aliasing noise). */
const TOLERANCE = 2;

/** True when every pixel of `rgba` equals the first one within {@link TOLERANCE}. */
export function isUniformRgba(rgba: Uint8Array | Uint8ClampedArray): boolean {
  if (rgba.length < 4) return true;
  const [r, g, b, a] = [rgba[0]!, rgba[1]!, rgba[2]!, rgba[3]!];
  for (let i = 4; i < rgba.length; i += 4) {
    if (
      Math.abs(rgba[i]! - r) > TOLERANCE ||
      Math.abs(rgba[i + 1]! - g) > TOLERANCE ||
      Math.abs(rgba[i + 2]! - b) > TOLERANCE ||
      Math.abs(rgba[i + 3]! - a) > TOLERANCE
    ) {
      return false;
    }
  }
  return true;
}
