/**
 * What an OpenAI-compatible server says about itself: its model list, the version of a model, and
 * the context it will really use (Ollama truncates silently at its num_ctx, not the model's length).
 */

/** The root URL of a server, whether given with or without /v1 and trailing slashes. */
export function serverRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** Ollama's num_ctx when a model's parameters do not set one (Ollama ≥ 0.6). */
export const OLLAMA_DEFAULT_NUM_CTX = 4096;

async function getJson(
  url: string,
  headers: Record<string, string>,
  init: RequestInit = {},
): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { ...headers, ...(init.headers as object) },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.json() as Promise<unknown>;
}

interface ModelEntry {
  readonly id: string;
  readonly created?: number;
  readonly owned_by?: string;
}

/** GET /v1/models: the entries the server lists. */
export async function listServerModels(
  root: string,
  headers: Record<string, string>,
): Promise<readonly ModelEntry[]> {
  const body = (await getJson(`${root}/v1/models`, headers)) as { data?: unknown };
  if (!Array.isArray(body.data)) throw new Error(`${root}/v1/models did not return a model list`);
  return (body.data as ModelEntry[]).filter((m) => typeof m.id === 'string');
}

/** The version a server reports for `model`: Ollama's digest, else owner@created from /v1/models. */
export async function serverModelVersion(
  root: string,
  model: string,
  headers: Record<string, string>,
): Promise<string | null> {
  try {
    const tags = (await getJson(`${root}/api/tags`, headers)) as {
      models?: Array<{ name?: string; digest?: string }>;
    };
    const digest = tags.models?.find((m) => m.name === model || m.name === `${model}:latest`)?.digest;
    if (digest) return digest;
  } catch {
    // not Ollama
  }
  try {
    const entry = (await listServerModels(root, headers)).find((m) => m.id === model);
    return entry && (entry.created !== undefined || entry.owned_by)
      ? `${entry.owned_by ?? ''}@${entry.created ?? ''}`
      : null;
  } catch {
    return null;
  }
}

/** The context the server will use: Ollama's num_ctx via /api/show, else null (unknown). */
export async function serverContextLength(
  root: string,
  model: string,
  headers: Record<string, string>,
): Promise<number | null> {
  try {
    const show = (await getJson(`${root}/api/show`, headers, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model }),
    })) as { parameters?: string };
    const match = /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(show.parameters ?? '');
    return match?.[1] ? Number(match[1]) : OLLAMA_DEFAULT_NUM_CTX;
  } catch {
    return null;
  }
}

/** A rough upper estimate of prompt tokens without the server's tokenizer (3 characters a token). */
export function estimatePromptTokens(contents: readonly string[]): number {
  return contents.reduce((n, c) => n + Math.ceil(c.length / 3) + 8, 0);
}
