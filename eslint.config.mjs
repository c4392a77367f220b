// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Workflow code runs in Temporal's deterministic sandbox: no Node APIs, no I/O, no Nest, no database. */
const workflowRestrictedImports = {
  paths: [
    ...['fs', 'path', 'crypto', 'pg', 'typeorm', '@temporalio/client', '@temporalio/worker'].map((name) => ({
      name,
      message: 'Workflow code must stay deterministic: no I/O or Node APIs in workflows/.',
    })),
  ],
  patterns: [
    { group: ['node:*'], message: 'Workflow code must not import Node built-ins.' },
    { group: ['fs/*', 'path/*', 'crypto/*', 'typeorm/*', 'pg/*'], message: 'Workflow code must not do I/O.' },
    { group: ['@nestjs/*'], message: 'Workflow code must not import Nest.' },
    { group: ['@temporalio/client/*', '@temporalio/worker/*'], message: 'Workflows import @temporalio/workflow only.' },
    {
      group: ['**/core/platform/db/**', '**/core/data-source', '**/core/entities', '**/*.repository', '**/*.entity'],
      allowTypeImports: true,
      message: 'Workflows reach the database through activities.',
    },
    { group: ['**/apps/*', '**/apps/**'], message: 'Workflows must not import application code.' },
  ],
};

/** Imports in core/ run one way: domains use the platform, and nothing in core/ reaches into workflows or apps. */
const DOMAIN_FOLDERS = [
  'agents',
  'assignment',
  'auth',
  'channels',
  'conversations',
  'customers',
  'knowledge',
  'routing',
  'sla',
  'tenants',
  'triage',
];
const coreRestrictedPatterns = [
  {
    group: ['**/workflows', '**/workflows/**'],
    message: 'The workflow contract lives in workflows/; core/ must not import it.',
  },
  { group: ['**/apps/**'], message: 'core/ must not import application code.' },
];

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      'coverage/',
      'test-artifacts/',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/*/vite.config.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Input sanitisers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', workflowRestrictedImports] },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreRestrictedPatterns }] },
  },
  {
    files: ['core/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...coreRestrictedPatterns,
            {
              group: DOMAIN_FOLDERS.flatMap((domain) => [
                `**/core/${domain}/**`,
                `../../${domain}/**`,
                `../../${domain}`,
              ]),
              message: 'Domains use the platform, never the reverse.',
            },
            { group: ['**/data-source', '**/entities'], message: 'The platform knows no domain entities.' },
          ],
        },
      ],
    },
  },
);
