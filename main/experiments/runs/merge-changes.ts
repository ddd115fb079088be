/**
 * "Re-run with changes": a stored config changed by a JSON merge patch (RFC 7396). Objects merge
 * key by key, anything else (arrays included) replaces, and `null` removes a key (so an optional
 * field such as `slice.limit` can be dropped). The result is validated again by the caller.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `base` with `changes` applied; neither argument is modified. */
export function mergeChanges(base: unknown, changes: unknown): unknown {
  if (!isObject(changes)) return changes;
  const merged: Record<string, unknown> = isObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeChanges(merged[key], value);
  }
  return merged;
}
