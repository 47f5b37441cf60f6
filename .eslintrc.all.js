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
    },
  ],
};
