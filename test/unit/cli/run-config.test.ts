import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildRunConfig,
  mergeFields,
  readConfigFile,
  resolveConfigPaths,
} from '../../../main/cli/commands/run-config.js';
import { buildChanges, parseAssignment } from '../../../main/cli/commands/run-changes.js';
import { runConfigSchema } from '../../../shared/experiments.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

describe('run config files and merging', () => {
  const tmp = tempDataDir('vcheck-run-config-');
  afterAll(() => tmp.cleanup());
  const write = (name: string, text: string): string => {
    const file = path.join(tmp.dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('merges objects key by key, replaces arrays and scalars, and ignores undefined', () => {
    const base = { sampling: { temperature: 0.8, topP: 0.9 }, languages: ['svg', 'tikz'], seed: 1 };
    const over = { sampling: { temperature: 0.2 }, languages: ['p5js'], seed: undefined, samples: 2 };
    expect(mergeFields(base, over)).toEqual({
      sampling: { temperature: 0.2, topP: 0.9 },
      languages: ['p5js'],
      seed: 1,
      samples: 2,
    });
  });

  it('reads YAML and resolves its paths against the file folder, then flags override field by field', async () => {
    const file = write(
      'configs/run.yaml',
      [
        'name: from yaml',
        'datasetId: ds-1',
        'languages: [svg, tikz]',
        'samples: 2',
        'sampling: { temperature: 0.5, maxTokens: 64 }',
        'models:',
        '  - { provider: recorded, file: answers/a.jsonl }',
        '  - { provider: embedded, model: ../models/tiny.gguf }',
        '  - { provider: embedded, model: qwen2.5-0.5b-instruct-q4 }',
        'metrics: { reference: refs, diversity: false }',
      ].join('\n'),
    );
    const read = await readConfigFile(file);
    const dir = path.join(tmp.dir, 'configs');
    const config = buildRunConfig('draw', read, {
      samples: 3,
      sampling: { temperature: 0.1 },
      metrics: { fidelity: false },
    });
    expect(config).toEqual({
      kind: 'draw',
      name: 'from yaml',
      datasetId: 'ds-1',
      languages: ['svg', 'tikz'],
      samples: 3,
      sampling: { temperature: 0.1, maxTokens: 64 },
      models: [
        { provider: 'recorded', file: path.join(dir, 'answers/a.jsonl') },
        { provider: 'embedded', model: path.join(tmp.dir, 'models/tiny.gguf') },
        { provider: 'embedded', model: 'qwen2.5-0.5b-instruct-q4' },
      ],
      metrics: { reference: path.join(dir, 'refs'), diversity: false, fidelity: false },
    });
    expect(runConfigSchema.safeParse(config).success).toBe(true);
  });

  it('reads JSON too, and the subcommand sets the kind', async () => {
    const file = write('run.json', JSON.stringify({ sourceRunId: 'r1', rounds: 2 }));
    expect(buildRunConfig('correct', await readConfigFile(file), { critique: true })).toEqual({
      kind: 'correct',
      sourceRunId: 'r1',
      rounds: 2,
      critique: true,
    });
  });

  it('resolves recognise input files and leaves absolute paths alone', () => {
    const fields = resolveConfigPaths(
      { inputs: [{ from: 'files', files: [{ path: 'a.svg' }, { path: '/abs/b.svg' }] }, { from: 'run' }] },
      '/base',
    );
    expect(fields['inputs']).toEqual([
      { from: 'files', files: [{ path: '/base/a.svg' }, { path: '/abs/b.svg' }] },
      { from: 'run' },
    ]);
  });

  it('names the field, the flag and the file when the config is invalid', async () => {
    const file = write('bad.yaml', 'languages: [svg, cobol]\nsamples: 0\n');
    const read = await readConfigFile(file);
    const error = (() => {
      try {
        buildRunConfig('draw', read, {});
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toContain(file);
    expect(error).toMatch(/languages\.1: /);
    expect(error).toMatch(/samples: /);
    expect(error).toMatch(/datasetId: [^;]*\(--dataset\)/);
    expect(error).toMatch(/models: [^;]*\(--model/);
  });

  it('refuses a file of another kind, a file that is not a mapping, and broken YAML with its line', async () => {
    const other = await readConfigFile(write('other.yaml', 'kind: recognise\n'));
    expect(() => buildRunConfig('draw', other, {})).toThrow(
      /kind is "recognise", but this is `vcheck run draw`/,
    );
    await expect(readConfigFile(write('list.yaml', '- a\n- b\n'))).rejects.toThrow(/expected a mapping/);
    await expect(readConfigFile(write('broken.yaml', 'a: [1, 2\nb: 3\n'))).rejects.toThrow(
      /broken\.yaml: .*line/,
    );
    await expect(readConfigFile(path.join(tmp.dir, 'missing.yaml'))).rejects.toThrow(/cannot read .*ENOENT/);
  });
});

describe('rerun changes', () => {
  it('parses dotted keys and JSON values, strings otherwise', () => {
    expect(parseAssignment('sampling.temperature=0.2')).toEqual({
      keys: ['sampling', 'temperature'],
      value: 0.2,
    });
    expect(parseAssignment('languages=["svg","tikz"]')).toEqual({
      keys: ['languages'],
      value: ['svg', 'tikz'],
    });
    expect(parseAssignment('name=a=b')).toEqual({ keys: ['name'], value: 'a=b' });
    expect(parseAssignment('metrics.fidelity=false').value).toBe(false);
    expect(() => parseAssignment('no-equals')).toThrow(/key=value/);
    expect(() => parseAssignment('a..b=1')).toThrow(/key=value/);
  });

  it('lays --set over the changes file, later assignments winning', () => {
    const changes = buildChanges({ sampling: { temperature: 0.5, topP: 0.9 }, seed: 1 }, [
      parseAssignment('sampling.temperature=0.1'),
      parseAssignment('seed=7'),
      parseAssignment('seed=8'),
    ]);
    expect(changes).toEqual({ sampling: { temperature: 0.1, topP: 0.9 }, seed: 8 });
  });
});
