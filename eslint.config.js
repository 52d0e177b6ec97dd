// Lint rules for the whole tree: TypeScript and Svelte recommended sets, plus the layering the
// README's diagram promises (no import cycles; the pure core and the store never reach upward).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'data/', 'bench/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
    }
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.js', '.svelte'], extensionAlias: { '.js': ['.ts', '.js'] } })
      ]
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server/db',
              from: ['./server/auth', './server/routes', './server/services', './server/jobs'],
              message: 'the store does not reach up into the layers that use it'
            },
            {
              target: './server/analysis',
              from: [
                './server/db',
                './server/routes',
                './server/services',
                './server/jobs',
                './server/auth',
                './server/mail'
              ],
              message: 'the analysis core is pure: it takes plain data'
            },
            {
              target: './src',
              from: './server',
              except: ['./schemas'],
              message: 'the SPA shares only the API contract (server/schemas)'
            }
          ]
        }
      ],
      // The SPA is served at the site root (no paths.base), so resolve() around every href adds nothing.
      'svelte/no-navigation-without-resolve': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Mail templates render once on the server and are never updated in place, so an each block's
    // key (which only matters for reordering live DOM) has nothing to do.
    files: ['server/mail/**/*.svelte'],
    rules: { 'svelte/require-each-key': 'off' }
  }
);
