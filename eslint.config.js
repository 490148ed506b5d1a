// Lint: typescript-eslint's recommended rules (syntax only, no type information, so it
// stays fast) and the floors of the code as import boundaries (conventions.md, "Screens are
// leaves"; issue 10 item 4). Every import between two parts of src/ is denied unless a
// policy below allows it, so a new folder has to be placed on a floor before it may be used.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

const lintedFiles = [
  'src/**/*.{ts,tsx}',
  'test/**/*.ts',
  'bench/**/*.ts',
  'scripts/**/*.ts',
  '*.config.{ts,js}',
];

// Test code: may use test helpers, nothing in production may.
const testFiles = ['**/*.test.{ts,tsx}', '**/*.contract.ts'];

// The top floor of the app: entry, router and layout, which compose the screens (and the
// tests beside them, which need what their subject imports).
const topFloor = 'src/app/{main,app,routes,layout,error-page,not-found-page}{,.test}.tsx';

const appFloors = ['feature', 'records', 'ui', 'device', 'app', 'shared'];

export default defineConfig([
  globalIgnores([
    'dist/',
    'dev-dist/',
    'node_modules/',
    'data/',
    'coverage/',
    'test-results/',
    '.tmp/',
  ]),

  {
    files: lintedFiles,
    extends: [tseslint.configs.recommended],
    rules: {
      // A `let` read by a callback before its one assignment (main.ts's logger for idle
      // connection errors) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_name` marks a parameter or binding kept for its position (a callback's signature,
      // a tuple slot) or a rest sibling used to drop a key from an object.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts'],
    plugins: { boundaries },
    settings: {
      // App code imports without extensions, server code with `.ts`: resolve both.
      'import/resolver': {
        node: { extensions: ['.ts', '.tsx', '.js'] },
      },
      // First matching descriptor wins, so the most specific come first.
      'boundaries/elements': [
        // Test helpers: any `testing/` folder under src, and everything under test/.
        { type: 'testing', pattern: 'src/**/testing', partialMatch: false },
        { type: 'testing', pattern: 'test', partialMatch: false },
        // src/app, top to bottom.
        { type: 'feature', pattern: 'src/app/features/*', capture: ['feature'], partialMatch: false },
        { type: 'records', pattern: 'src/app/records', partialMatch: false },
        { type: 'ui', pattern: 'src/app/ui', partialMatch: false },
        { type: 'device', pattern: 'src/app/device', partialMatch: false },
        // The rest of src/app: the top floor's files (categorised below) and anything not
        // yet placed on a floor.
        { type: 'app', pattern: 'src/app', partialMatch: false },
        { type: 'shared', pattern: 'src/shared', partialMatch: false },
        { type: 'server', pattern: 'src/server', partialMatch: false },
        { type: 'cli', pattern: 'src/cli', partialMatch: false },
        { type: 'tooling', pattern: '{scripts,bench}', partialMatch: false },
      ],
      // Element patterns name folders; single files are classified here.
      'boundaries/files': [
        { category: 'test', pattern: testFiles },
        { category: 'app-top', pattern: topFloor },
        { category: 'package-manifest', pattern: 'package.json' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          // A local import that resolves to no element (or does not resolve) is reported,
          // never skipped.
          checkUnknownLocals: true,
          policies: [
            // Top floor: the entry, router and layout compose the screens.
            {
              from: { file: { categories: 'app-top' } },
              allow: { to: { element: { types: { anyOf: appFloors } } } },
            },
            // A feature is a leaf: its own folder (internal, never checked), the floors below
            // and the shared core. Never another feature.
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { types: { anyOf: ['records', 'ui', 'device', 'shared'] } } } },
            },
            {
              from: { element: { type: 'records' } },
              allow: { to: { element: { types: { anyOf: ['ui', 'device', 'shared'] } } } },
            },
            {
              from: { element: { type: 'ui' } },
              allow: { to: { element: { types: { anyOf: ['device', 'shared'] } } } },
            },
            {
              from: { element: { type: 'device' } },
              allow: { to: { element: { type: 'shared' } } },
            },
            // No policy from 'app' beyond the top floor's files: a new folder in src/app may
            // import nothing until it is placed on a floor. No policy from 'shared' either:
            // the platform-neutral core depends on nothing but itself (imports within an
            // element, like shared→shared or visit→visit, are internal and never checked).
            {
              from: { element: { type: 'server' } },
              allow: { to: { element: { type: 'shared' } } },
            },
            {
              from: { element: { type: 'cli' } },
              allow: { to: { element: { types: { anyOf: ['server', 'shared'] } } } },
            },
            // Test files may also use the test helpers, other test files (contract suites) and
            // the scripts they check; a feature's test still may not reach into another feature.
            {
              from: { file: { categories: 'test' } },
              allow: [
                { to: { element: { types: { anyOf: ['testing', 'tooling'] } } } },
                // A test may run the compliance command to show a screen agrees with it
                // (the dashboard's figures are the command's figures).
                { to: { element: { type: 'cli' } } },
                { to: { file: { categories: 'test' } } },
              ],
            },
            // Anyone may read package.json (the version shown in the footer and settings).
            { allow: { to: { file: { categories: 'package-manifest' } } } },
            // Test helpers may import anything they set up or drive.
            {
              from: { element: { type: 'testing' } },
              allow: { to: { element: { isUnknown: false } } },
            },
          ],
        },
      ],
    },
  },
]);
