import nodeAssert from 'node:assert/strict';
import { expect } from '@jest/globals';

/**
 * Node's strict assert, with deep equality done by jest's `toStrictEqual`. Jest runs each test file in its own
 * realm, so arrays and objects made by Node's core modules (fs, http) have other prototypes than the test's own,
 * and Node's deepStrictEqual would refuse two equal values for that alone; jest's equality compares the values.
 */
function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  try {
    expect(actual).toStrictEqual(expected);
  } catch (error) {
    if (message instanceof Error) throw message;
    if (message && error instanceof Error) error.message = `${message}\n\n${error.message}`;
    throw error;
  }
}

function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  try {
    expect(actual).not.toStrictEqual(expected);
  } catch (error) {
    if (message instanceof Error) throw message;
    if (message && error instanceof Error) error.message = `${message}\n\n${error.message}`;
    throw error;
  }
}

type Assert = typeof nodeAssert;
const assert: Assert = Object.assign(((value: unknown, message?: string | Error) => nodeAssert.ok(value, message)) as Assert, nodeAssert, {
  deepEqual: deepEqual as Assert['deepEqual'],
  deepStrictEqual: deepEqual as Assert['deepStrictEqual'],
  notDeepEqual: notDeepEqual as Assert['notDeepEqual'],
  notDeepStrictEqual: notDeepEqual as Assert['notDeepStrictEqual'],
});

export default assert;
