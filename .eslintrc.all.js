// Lints every TypeScript file: the SPFx code (as the SPFx build does, through .eslintrc.js), and the Node service,
// tests and benchmarks, which the SPFx tsconfig does not include, against tsconfig.server.json. `npm run lint`.
const spfx = require('./.eslintrc.js');

module.exports = {
  ...spfx,
  root: true,
  ignorePatterns: [],
  overrides: [
    ...spfx.overrides,
    {
      files: ['src/server/**/*.ts', 'test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
      parserOptions: { project: './tsconfig.server.json' },
      rules: {
        // ESLint's own docs warn this rule reports false positives for code that awaits between reading and writing
        // a variable it owns (every `await` in a loop of our jobs); it left the recommended set for that reason.
        'require-atomic-updates': 0,
        // Chunk names are for webpack's bundles; Node loads these dynamic imports itself.
        '@rushstack/import-requires-chunk-name': 0,
        // As in .eslintrc.js, plus `const { dropped: _dropped, ...rest } = x`: the idiom for leaving a property out.
        '@typescript-eslint/no-unused-vars': [1, { vars: 'all', args: 'none', ignoreRestSiblings: true }],
      },
    },
    {
      // Tests and benchmarks: helpers whose return types are obvious from their one line, JSON bodies read as they
      // come, and regular expressions built from the tests' own literals.
      files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
      rules: {
        '@typescript-eslint/explicit-function-return-type': 0,
        '@typescript-eslint/no-explicit-any': 0,
        '@rushstack/security/no-unsafe-regexp': 0,
      },
    },
  ],
};
