// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Paths under which the boundary test lints its (in-memory) violating fixtures. */
export const lintFixturePaths = [
  'electron/core/__lint_fixture__.ts',
  'electron/cli/__lint_fixture__.ts',
  'electron/contract/__lint_fixture__.ts',
  'renderer/src/__lint_fixture__.ts',
];

/**
 * The layering of design.md §6.2, as lint rules. Each entry of `boundaries` is tested by
 * test/unit/lint-boundaries.test.ts against a fixture that breaks it.
 */
export const boundaries = {
  core: {
    files: ['electron/core/**/*.ts'],
    paths: [
      {
        name: 'electron',
        message: 'electron/core is plain Node: pass Electron in from electron/main.',
      },
    ],
    patterns: [
      {
        group: ['**/main/**', '**/preload/**', '**/renderer/**'],
        message: 'electron/core must not depend on the shell or the renderer.',
      },
    ],
  },
  cli: {
    files: ['electron/cli/**/*.ts'],
    paths: [
      {
        name: 'electron',
        message: 'electron/cli runs where Electron does not (SSH, CI): build on electron/core.',
      },
    ],
    patterns: [
      {
        group: ['**/main/**', '**/preload/**', '**/renderer/**'],
        message:
          'electron/cli is a shell over electron/core, like main: not over main or the renderer.',
      },
    ],
  },
  contract: {
    files: ['electron/contract/**/*.ts'],
    paths: [
      {
        name: 'electron',
        message: 'electron/contract is shared by main, preload and renderer: no Electron.',
      },
      { name: 'axios', message: 'electron/contract holds types and schemas only.' },
      { name: 'keytar', message: 'electron/contract holds types and schemas only.' },
      { name: 'react', message: 'electron/contract holds types and schemas only.' },
      ...nodeBuiltins.map((name) => ({
        name,
        message: 'electron/contract must not import Node built-ins.',
      })),
    ],
    patterns: [
      {
        group: ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**'],
        message: 'electron/contract imports nothing but zod.',
      },
    ],
  },
  renderer: {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    paths: [
      { name: 'electron', message: 'The renderer reaches main only through renderer/src/api.ts.' },
      { name: 'axios', message: 'The renderer makes no HTTP requests: main talks to Rancher.' },
      { name: 'keytar', message: 'The renderer never touches the keychain.' },
      ...nodeBuiltins.map((name) => ({
        name,
        message: 'The renderer runs sandboxed: no Node built-ins.',
      })),
    ],
    patterns: [
      {
        group: [
          '**/electron/core/**',
          '**/electron/main/**',
          '**/electron/preload/**',
          '**/core/**',
          '**/main/**',
          '**/preload/**',
        ],
        message: 'The renderer reaches main only through renderer/src/api.ts.',
      },
    ],
  },
};

/**
 * The renderer may take types from any contract module but values only from
 * electron/contract/constants.ts: the other modules build zod schemas, and importing a value from
 * one bundles zod (and every schema) into the renderer, which validates nothing (main does).
 * test/unit/renderer-bundle.test.ts checks the built bundle too.
 */
export const rendererContractImports = {
  files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
  paths: [
    {
      name: 'zod',
      message: 'The renderer validates nothing: main parses every IPC input. Use the types.',
    },
  ],
  patterns: [
    {
      group: ['**/electron/contract/*', '!**/electron/contract/constants'],
      allowTypeImports: true,
      message:
        'The renderer takes values from electron/contract/constants only (the other contract modules bring zod); use `import type` here.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.tsbuild/',
      'test-results/',
      'playwright-report/',
      '.artifacts/',
      'test/lint-fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Virtual files linted by test/unit/lint-boundaries.test.ts; they never exist on disk.
          allowDefaultProject: lintFixturePaths,
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      // Interface implementations are often async without awaiting; floating promises are what matter.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/bridge/shim.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Playwright fixtures that use no other fixture are declared with an empty pattern.
    files: ['test/e2e/**/*.ts', 'test/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...Object.values(boundaries).map(({ files, paths, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  })),
  {
    files: rendererContractImports.files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: rendererContractImports.paths, patterns: rendererContractImports.patterns },
      ],
    },
  },
  prettier,
);
