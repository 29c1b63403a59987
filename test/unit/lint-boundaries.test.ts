import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Proves each import boundary of design.md §6.2 fires, by linting small violating sources with the
 * project's real ESLint configuration at paths inside each layer.
 */
const fixtures: Array<{ layer: string; path: string; source: string; expect: RegExp }> = [
  {
    layer: 'core',
    path: 'electron/core/__lint_fixture__.ts',
    source: "import { app } from 'electron';\nexport const x = app;\n",
    expect: /electron\/core is plain Node/,
  },
  {
    layer: 'core',
    path: 'electron/core/__lint_fixture__.ts',
    source: "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;\n",
    expect: /must not depend on the shell/,
  },
  {
    layer: 'cli',
    path: 'electron/cli/__lint_fixture__.ts',
    source: "import { app } from 'electron';\nexport const x = app;\n",
    expect: /runs where Electron does not/,
  },
  {
    layer: 'cli',
    path: 'electron/cli/__lint_fixture__.ts',
    source: "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;\n",
    expect: /shell over electron\/core/,
  },
  {
    layer: 'contract',
    path: 'electron/contract/__lint_fixture__.ts',
    source: "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
    expect: /no Electron/,
  },
  {
    layer: 'contract',
    path: 'electron/contract/__lint_fixture__.ts',
    source: "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
    expect: /Node built-ins/,
  },
  {
    layer: 'contract',
    path: 'electron/contract/__lint_fixture__.ts',
    source: "import path from 'path';\nexport const x = path;\n",
    expect: /Node built-ins/,
  },
  {
    layer: 'contract',
    path: 'electron/contract/__lint_fixture__.ts',
    source: "import axios from 'axios';\nexport const x = axios;\n",
    expect: /types and schemas only/,
  },
  {
    layer: 'contract',
    path: 'electron/contract/__lint_fixture__.ts',
    source:
      "import { createDispatcher } from '../core/dispatch';\nexport const x = createDispatcher;\n",
    expect: /imports nothing but zod/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source:
      "import { createHandlers } from '../../electron/core/handlers';\nexport const x = createHandlers;\n",
    expect: /only through renderer\/src\/api.ts/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source:
      "import { registerIpc } from '../../electron/main/ipc/ipc';\nexport const x = registerIpc;\n",
    expect: /only through renderer\/src\/api.ts/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source: "import axios from 'axios';\nexport const x = axios;\n",
    expect: /no HTTP requests/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    expect: /no Node built-ins/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    expect: /only through renderer\/src\/api.ts/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source: "import { z } from 'zod';\nexport const x = z.string();\n",
    expect: /validates nothing/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source:
      "import { keyStateSchema } from '../../electron/contract/keys';\nexport const x = keyStateSchema;\n",
    expect: /values from electron\/contract\/constants only/,
  },
  {
    layer: 'renderer',
    path: 'renderer/src/__lint_fixture__.ts',
    source:
      "import { copyFormats, type CopyFormat } from '../../electron/contract/keys';\nexport const x: CopyFormat[] = [...copyFormats];\n",
    expect: /values from electron\/contract\/constants only/,
  },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function restrictedImportMessages(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.ruleId === 'no-restricted-imports' ||
        m.ruleId === '@typescript-eslint/no-restricted-imports',
    )
    .map((m) => m.message);
}

describe('lint boundaries', () => {
  it.each(fixtures)(
    'fires in $layer for $source',
    async ({ path, source, expect: pattern }) => {
      const messages = await restrictedImportMessages(path, source);
      expect(messages.some((m) => pattern.test(m))).toBe(true);
    },
    30_000,
  );

  it('lets the contract import zod when it is the only dependency', async () => {
    const messages = await restrictedImportMessages(
      'electron/contract/__lint_fixture__.ts',
      "import { z } from 'zod';\nexport const x = z.string();\n",
    );
    expect(messages).toEqual([]);
  }, 30_000);

  it('lets the renderer import the contract when it needs its types', async () => {
    const messages = await restrictedImportMessages(
      'renderer/src/__lint_fixture__.ts',
      "import type { Channel } from '../../electron/contract/ipc';\nexport type X = Channel;\n",
    );
    expect(messages).toEqual([]);
  }, 30_000);

  it('lets the renderer import values from the contract constants', async () => {
    const messages = await restrictedImportMessages(
      'renderer/src/__lint_fixture__.ts',
      "import { copyFormats } from '../../electron/contract/constants';\nimport { type CopyFormat } from '../../electron/contract/keys';\nexport const x: CopyFormat[] = [...copyFormats];\n",
    );
    expect(messages).toEqual([]);
  }, 30_000);
});
