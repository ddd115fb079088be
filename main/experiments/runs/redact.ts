/**
 * A run's config as it is shown (runs.show, reports): secrets replaced. The stored config keeps
 * them, because a resumed run needs its server's API key; a report is meant to be shared.
 */

/** Config keys whose values are never shown. */
const SECRET_KEYS = new Set(['apiKey']);

/** What a secret is shown as. */
export const REDACTED = '(redacted)';

/** A deep copy of `config` with every secret value replaced by {@link REDACTED}. */
export function redactSecrets(config: unknown): unknown {
  if (Array.isArray(config)) return config.map(redactSecrets);
  if (config === null || typeof config !== 'object') return config;
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      SECRET_KEYS.has(key) ? REDACTED : redactSecrets(value),
    ]),
  );
}
