import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../../../main/experiments/runs/redact.js';

describe('redactSecrets', () => {
  it('replaces API keys at any depth and keeps everything else, without touching the input', () => {
    const config = {
      kind: 'draw',
      models: [
        { provider: 'openai', endpoint: 'http://127.0.0.1:1/v1', model: 'm', apiKey: 'sk-secret' },
        { provider: 'embedded', model: 'x.gguf' },
      ],
      sampling: { temperature: 0.5 },
    };
    const shown = redactSecrets(config) as typeof config;
    expect(JSON.stringify(shown)).not.toContain('sk-secret');
    expect(shown.models[0]).toEqual({ ...config.models[0], apiKey: REDACTED });
    expect(shown.models[1]).toEqual(config.models[1]);
    expect(shown.sampling).toEqual({ temperature: 0.5 });
    expect(config.models[0]!.apiKey).toBe('sk-secret');
  });
});
