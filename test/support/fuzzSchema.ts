// Values generated from the JSON Schemas of the OpenAPI document: bodies a route should accept (so a fuzzed
// request gets past validation into the use case), and the same bodies with exactly one thing broken.
import fc from 'fast-check';
import { hostileJsonValue, hostileString } from './fuzzInputs';

/** The part of JSON Schema (OpenAPI 3.0 flavour) that @fastify/swagger emits for our zod schemas. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  nullable?: boolean;
}

/**
 * Known values to use for a property or parameter, by its name: the tenant's real ids, the offered regions. A pool
 * may grow while the fuzzer runs (it learns the ids of what it creates), so it is read when a value is drawn.
 */
export type ValuePools = (name: string) => readonly string[] | undefined;

/** One of the pool's values as the pool is when the value is drawn, or the fallback while it is empty. */
export function fromPool(pool: readonly string[], fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fallback).map(([index, other]) => (pool.length ? pool[index % pool.length] : other));
}

export interface ValueOptions {
  /** Mix hostile strings (unicode, NUL, surrogates, SQL, script) into strings that otherwise fit the schema. */
  hostileStrings: boolean;
}

const GUID_PATTERN = /^\^\[0-9a-f\]\{8\}-/;
const MAX_GENERATED_ITEMS = 6;

/** `{ not: {} }` matches nothing: in an anyOf it means "the body may be absent". */
const isNever = (schema: JsonSchema) => schema.not !== undefined && Object.keys(schema.not).length === 0;

/** `courseIds` holds course ids: pools are keyed by the singular name (courseId). */
const singular = (name: string) => name.replace(/Ids$/, 'Id');

/** A value the schema accepts (or nearly: hostile strings may still trip a refinement). `undefined` means "absent". */
export function validValue(schema: JsonSchema, pools: ValuePools, options: ValueOptions, name = ''): fc.Arbitrary<unknown> {
  const value = nonNullValue(schema, pools, options, name);
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
}

function nonNullValue(schema: JsonSchema, pools: ValuePools, options: ValueOptions, name: string): fc.Arbitrary<unknown> {
  if (isNever(schema)) return fc.constant(undefined);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => validValue(branch, pools, options, name)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, pools, options, name);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return objectValue(schema, pools, options);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, pools, options, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS)),
      });
    case 'string':
      return stringValue(schema, pools, options, name);
    case 'integer': {
      const min = lowerBound(schema, 1);
      const max = upperBound(schema, 1);
      // Unbounded integers are mostly indexes and counts (a quiz's correct option): small ones are the likely valid ones.
      return schema.maximum === undefined ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max: Math.min(min + 4, max) }) }, fc.integer({ min, max })) : fc.integer({ min, max });
    }
    case 'number':
      return fc.double({ min: lowerBound(schema, 0), max: upperBound(schema, 0), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectValue(schema: JsonSchema, pools: ValuePools, options: ValueOptions): fc.Arbitrary<unknown> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) model[key] = validValue(property, pools, options, key);
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
}

function stringValue(schema: JsonSchema, pools: ValuePools, options: ValueOptions, name: string): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 300;
  const known = pools(singular(name));
  if (schema.pattern && GUID_PATTERN.test(schema.pattern)) {
    const random = fc.uuid();
    return known ? fc.oneof({ weight: 4, arbitrary: fromPool(known, random) }, { weight: 1, arbitrary: random }) : random;
  }
  if (known) return fromPool(known, fc.constant('unknown'));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
  if (schema.format === 'uri') {
    return fc
      .oneof(fc.constantFrom('https://contoso.sharepoint.com/sites/training/course', 'https://contoso.sharepoint.com/sites/t/%E2%9C%93?a=1#x'), fc.webUrl({ validSchemes: ['https'] }))
      .filter((url) => url.length <= max);
  }
  if (schema.format === 'date-time') {
    return fc.date({ min: new Date(Date.now() + 86_400_000), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
  }
  const plain = fc.string({ unit: 'grapheme-ascii', minLength: Math.max(min, 1), maxLength: Math.max(Math.min(max, 30), min, 1) }).map((s) => (s.trim() ? s : `x${s}`));
  if (!options.hostileStrings) return plain.filter((s) => s.length <= max);
  const hostile = hostileString.map((s) => (s.length >= min ? s.slice(0, max) : s.padEnd(min, 'x')));
  return fc.oneof(plain, hostile).filter((s) => s.length <= max);
}

function lowerBound(schema: JsonSchema, step: number): number {
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + step;
  return (schema.minimum ?? -1_000_000) + (schema.exclusiveMinimum === true ? step : 0);
}

function upperBound(schema: JsonSchema, step: number): number {
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum - step;
  return (schema.maximum ?? 1_000_000) - (schema.exclusiveMaximum === true ? step : 0);
}

type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'add'; key: string; value: unknown }
  | { kind: 'duplicate' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: hostileJsonValue.map((value): Mutation => ({ kind: 'replace', value })) },
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'surprise', '', 'id', 'tenantId', 'learnerId'), hostileString), hostileJsonValue)
      .map(([key, value]): Mutation => ({ kind: 'add', key, value })),
  },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'duplicate' }) },
);

/** A value the schema accepts, with exactly one node replaced, removed, duplicated or one key added. */
export function mutatedValue(schema: JsonSchema, pools: ValuePools): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue(schema, pools, { hostileStrings: false }), fc.nat(), mutation)
    .map(([value, pick, change]) => applyMutation(value, pick, change));
}

interface Node {
  value: unknown;
  parent?: Record<string, unknown> | unknown[];
  key?: string | number;
}

function nodesOf(value: unknown, parent?: Node['parent'], key?: Node['key']): Node[] {
  const nodes: Node[] = [{ value, parent, key }];
  if (Array.isArray(value)) value.forEach((item, index) => nodes.push(...nodesOf(item, value, index)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodes.push(...nodesOf(v, value as Record<string, unknown>, k));
  return nodes;
}

function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  // defineProperty, so a key such as __proto__ becomes a real JSON member instead of changing the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyMutation(original: unknown, pick: number, change: Mutation): unknown {
  const root = original === undefined ? undefined : (JSON.parse(JSON.stringify(original)) as unknown);
  const nodes = nodesOf(root);
  const candidates =
    change.kind === 'add' ? nodes.filter((n) => n.value && typeof n.value === 'object' && !Array.isArray(n.value))
    : change.kind === 'duplicate' ? nodes.filter((n) => Array.isArray(n.value) && n.value.length > 0)
    : change.kind === 'delete' ? nodes.filter((n) => n.parent)
    : nodes;
  const node = candidates[pick % Math.max(candidates.length, 1)];
  if (!node) return change.kind === 'replace' || change.kind === 'add' ? change.value : root;
  switch (change.kind) {
    case 'replace':
      if (!node.parent) return change.value;
      setOwn(node.parent, node.key!, change.value);
      return root;
    case 'delete':
      if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
      else delete (node.parent as Record<string, unknown>)[node.key as string];
      return root;
    case 'add':
      setOwn(node.value as Record<string, unknown>, change.key, change.value);
      return root;
    case 'duplicate': {
      const list = node.value as unknown[];
      list.push(list[pick % list.length]);
      return root;
    }
  }
}
