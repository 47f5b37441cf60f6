import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';

const root = path.resolve(__dirname, '../..');

/** Runs an SPFx AMD strings module (`define([], function () { return {...}; })`) and answers what it defines. */
export function loadStringsModule(relativePath: string): Record<string, any> {
  let defined: Record<string, any> | undefined;
  const define = (_deps: string[], factory: () => Record<string, any>): void => {
    defined = factory();
  };
  runInNewContext(readFileSync(path.join(root, relativePath), 'utf8'), { define }, { filename: relativePath });
  if (!defined) throw new Error(`${relativePath} defines nothing`);
  return defined;
}
