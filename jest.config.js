'use strict';

/**
 * Jest, as the brief asks. TypeScript is compiled by SWC (types are checked separately by `tsc`, before the tests).
 * jose and PnPjs (@pnp/*) are published as ES modules only, so they are compiled to CommonJS with the tests.
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'classic' } } }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['^(?!.*/node_modules/(jose|cookie|@pnp)/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testTimeout: 60_000,
  maxWorkers: 2,
  testEnvironmentOptions: { globalsCleanup: 'on' },
};
