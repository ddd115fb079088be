import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { violation } from '../../../eslint-rules/layering.js';

const root = process.cwd();

/** Lints `code` as if it were the file at `path` with the project's real ESLint config. */
async function lint(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layering').map((m) => m.message);
}

describe('layering lint rule', () => {
  it('fails on a planted violation in each direction the table forbids', async () => {
    const planted: Array<[string, string]> = [
      [
        'shared/planted.ts',
        "import { openStore } from '../main/store/store.js';\nexport const x = openStore;\n",
      ],
      ['shared/planted.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
      [
        'main/store/planted.ts',
        "import { JobRegistry } from '../jobs/registry.js';\nexport const x = JobRegistry;\n",
      ],
      [
        'main/jobs/planted.ts',
        "import { handlers } from '../api/handlers.js';\nexport const x = handlers;\n",
      ],
      ['main/api/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
      [
        'main/server/planted.ts',
        "import { openStore } from '../store/store.js';\nexport const x = openStore;\n",
      ],
      ['main/server/planted.ts', "import { x as y } from '../cli/bin.js';\nexport const x = y;\n"],
      [
        'renderer/planted.ts',
        "import { openEngine } from '../main/api/open-engine.js';\nexport const x = openEngine;\n",
      ],
      ['renderer/planted.ts', "import path from 'node:path';\nexport const x = path;\n"],
      ['main/planted.ts', 'export const x = 1;\n'],
    ];
    for (const [file, code] of planted) {
      const messages = await lint(file, code);
      expect(messages, `${file}: ${code}`).toHaveLength(1);
      expect(messages[0]).toMatch(/^Layering: /);
    }
  });

  it('passes the imports the table allows', async () => {
    const allowed: Array<[string, string]> = [
      [
        'main/jobs/planted.ts',
        "import { openStore } from '../store/store.js';\nexport const x = openStore;\n",
      ],
      [
        'main/api/planted.ts',
        "import { JobRegistry } from '../jobs/registry.js';\nexport const x = JobRegistry;\n",
      ],
      [
        'main/cli/planted.ts',
        "import { openEngine } from '../api/open-engine.js';\nexport const x = openEngine;\n",
      ],
      ['renderer/planted.ts', "import { calls } from '../shared/contract.js';\nexport const x = calls;\n"],
      ['main/electron/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ];
    for (const [file, code] of allowed) expect(await lint(file, code), file).toEqual([]);
  });

  it('resolves relative paths against the importing file', () => {
    expect(violation('main/metrics/fid.ts', '../render/pool.js', root)).toBeNull();
    expect(violation('main/render/pool.ts', '../metrics/fid.js', root)).toMatch(/only those to their left/);
  });
});
