import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * DESIGN.md's central rule, checked by `npm run check`: dependencies point inward (adapters → ports →
 * domain), the sync engine knows only the domain and the ports, and only app/compose.ts builds adapters.
 * Tests are free to reach anything they check.
 */
const ADAPTERS = ['prestashop', 'embedded', 'dolibarr'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'src/**/testing/**'];

// Test fakes stay out of the product: only tests import a testing/ folder (tsconfig.build.json leaves
// these folders out of dist/).
const noTestingFolder = {
  group: ['**/testing/*'],
  message: 'A testing/ folder is for tests only: it is not in the published build.',
};

/** One rule entry per folder: a later entry for the same rule replaces an earlier one, so each carries all. */
function layer(files, patterns) {
  return {
    files,
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, noTestingFolder] }],
    },
  };
}

const onlyComposeBuildsAdapters = {
  regex: '(^|/)adapters/',
  allowTypeImports: true,
  message: 'Only src/app/compose.ts constructs adapters: depend on a port, or import a type only.',
};

const layers = [
  layer(['src/**/*.ts', 'src/**/*.tsx'], [onlyComposeBuildsAdapters]),
  layer(
    ['src/domain/**'],
    [{ regex: '^\\.\\./', message: 'domain/ is pure: it imports nothing of the project outside domain/.' }],
  ),
  layer(['src/ports/**'], [{ regex: '^\\.\\./(?!domain/)', message: 'ports/ depend only on domain/.' }]),
  layer(
    ['src/sync/**'],
    [
      {
        regex: '^\\.\\./(?!domain/|ports/)',
        message: 'sync/ depends only on domain/ and ports/ (the rules it applies are domain/rules.ts).',
      },
    ],
  ),
  ...ADAPTERS.map((adapter) =>
    layer(
      [`src/adapters/${adapter}/**`],
      [
        {
          regex: '^(\\.\\./)+(sync|app|web|cli)(/|$)',
          message: 'An adapter implements a port: it imports no sync, app, web or cli code.',
        },
        {
          regex: `^(\\.\\./)+(adapters/)?(${ADAPTERS.filter((other) => other !== adapter).join('|')})(/|$)`,
          message: 'An adapter never imports another adapter.',
        },
      ],
    ),
  ),
  // The interfaces call the use cases (app/navette.ts) and nothing behind them: both behave the same by
  // construction. The config file and the demo shop they may load; the ports' shapes only as types.
  layer(
    ['src/web/**', 'src/cli/**'],
    [
      {
        regex: '^(\\.\\./)+(sync|adapters)(/|$)',
        message: 'web/ and cli/ call the use cases of src/app/ (app/navette.ts), never sync/ or adapters/.',
      },
      {
        regex: '^(\\.\\./)+ports/',
        allowTypeImports: true,
        message:
          'web/ and cli/ reach the shop, the GesCom and the store only through src/app/: ports/ as types only.',
      },
    ],
  ),
  // The one place that constructs adapters.
  layer(['src/app/compose.ts'], []),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/', 'bin/', 'reports/', '.stryker-tmp/'] },
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
  ...layers,
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
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
