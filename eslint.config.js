import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The demo shop is the test double that must catch navette's mistakes: it computes like PrestaShop
    // with its own code, so it may import nothing of navette itself.
    files: ['src/demo-shop/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/*', '**/ports/*', '**/sync/*', '**/adapters/*', '**/config/*'],
              message:
                "The demo shop is independent of navette: write PrestaShop's behaviour in src/demo-shop.",
            },
            {
              group: ['**/app/*', '**/cli/*', '**/web/*'],
              message:
                "The demo shop is independent of navette: write PrestaShop's behaviour in src/demo-shop.",
            },
          ],
        },
      ],
    },
  },
  {
    // Test fakes stay out of the product: only tests import a testing/ folder (tsconfig.build.json
    // leaves these folders out of dist/).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/testing/*'],
              message: 'A testing/ folder is for tests only: it is not in the published build.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
