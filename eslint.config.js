// Lint: typescript-eslint's type-checked rules, React's hooks rules and Next.js's rules.
// Formatting is Prettier's (`prettier --check` in `npm run lint`), so ESLint's stylistic rules are off.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'test/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.meili/', 'bench/out/', 'test-results/', 'playwright-report/', 'tmp/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `const { id: _id, ...rest } = x` drops a field on purpose; `_name` marks a parameter an interface requires.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // node:test's test()/describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // Report text arrives with control characters (NUL, form feeds, ESC from engine logs): matching them is the point.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'pages/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // Links between the two routers (App Router pages and pages/search.tsx) are plain on purpose:
      // next/link would fetch the other router's data first, then load the document anyway.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // Tests read the API's JSON as it comes (a wrong shape fails their assertions), and their fakes
    // implement async interfaces without awaiting anything.
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
