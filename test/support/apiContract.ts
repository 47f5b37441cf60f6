// The API's contract as its OpenAPI document states it: which operation a request reached, and whether the
// answer (status, media type, JSON body) is one the document describes. testService.call() runs every
// response of the suite through `contractProblem`.
import Ajv from 'ajv';
import { errorCodesFor } from '../../src/domain/apiErrors';

type JsonSchema = Record<string, unknown>;

interface OpenApiResponse {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: JsonSchema }>;
}

export interface OpenApiOperation {
  method: string;
  /** As the document writes it: /api/courses/{courseId} */
  path: string;
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
}

export function documentedOperations(doc: OpenApiDocument): OpenApiOperation[] {
  const operations: OpenApiOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({ method: method.toUpperCase(), path, responses: operation.responses ?? {} });
    }
  }
  return operations;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema (ajv 6 does not know the keyword): the schema, or null.
 * Done structurally, so a nullable enum or object accepts null too.
 */
export function openApiToJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiToJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const converted: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable') continue;
    // `properties` maps names to schemas: convert each, never treat a property called "nullable" as the keyword.
    converted[key] =
      key === 'properties' && typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([name, property]) => [name, openApiToJsonSchema(property)]))
        : openApiToJsonSchema(value);
  }
  return (schema as JsonSchema).nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

const mediaTypeOf = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();

export interface ObservedResponse {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
  rawLength: number;
  /** The answer's headers, names in lower case (as Node gives them). */
  headers?: Record<string, unknown>;
}

/** Checks answers against one OpenAPI document; compiled validators are kept per operation, status and media type. */
export class ContractChecker {
  private readonly operations: Array<OpenApiOperation & { pattern: RegExp; params: number }>;
  private readonly ajv = new Ajv({ allErrors: true, format: 'full' });
  private readonly validators = new Map<string, Ajv.ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    this.operations = documentedOperations(doc).map((op) => ({
      ...op,
      pattern: new RegExp(`^${op.path.split('/').map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : escapeRegExp(s))).join('/')}$`),
      params: (op.path.match(/\{\w+\}/g) ?? []).length,
    }));
  }

  /** The documented operation a request reaches (a literal path wins over a template), or undefined. */
  operationFor(method: string, url: string): OpenApiOperation | undefined {
    const upper = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    const path = decodePath(url.split('?')[0]);
    return this.operations
      .filter((op) => op.method === upper && op.pattern.test(path))
      .sort((a, b) => a.params - b.params)[0];
  }

  /** Why this answer breaks the documented contract, or null when it keeps it (or reached no documented operation). */
  problem(observed: ObservedResponse): string | null {
    const operation = this.operationFor(observed.method, observed.url);
    if (!operation) return null;
    const where = `${observed.method} ${observed.url} (${operation.method} ${operation.path}) answered ${observed.status}`;
    const documented = operation.responses[String(observed.status)];
    if (!documented) return `${where}, a status the OpenAPI document does not list (it lists ${Object.keys(operation.responses).join(', ')})`;
    const missingHeaders = Object.keys(documented.headers ?? {}).filter((name) => observed.headers && observed.headers[name.toLowerCase()] === undefined);
    if (missingHeaders.length > 0) return `${where} without the header(s) the document promises: ${missingHeaders.join(', ')}`;
    if (!documented.content) {
      return observed.rawLength === 0 ? null : `${where} with a body, but the document says there is none`;
    }
    if (observed.method.toUpperCase() === 'HEAD') return null;
    const mediaType = mediaTypeOf(observed.contentType);
    const media = documented.content[mediaType];
    if (!media) return `${where} as ${mediaType || 'no Content-Type'}; documented: ${Object.keys(documented.content).join(', ')}`;
    if (mediaType !== 'application/json' || !media.schema) return null;
    const validate = this.validator(`${operation.method} ${operation.path} ${observed.status}`, media.schema);
    if (!validate(observed.body)) {
      const errors = (validate.errors ?? []).map((e) => `${e.dataPath || '(body)'} ${e.message}`).join('; ');
      return `${where} with a body that does not match its schema: ${errors}\n${String(JSON.stringify(observed.body) ?? typeof observed.body).slice(0, 1000)}`;
    }
    const code = (observed.body as { error?: { code?: string } } | null)?.error?.code;
    if (observed.status >= 400 && code !== undefined && !errorCodesFor(observed.status).includes(code as never)) {
      return `${where} with error code ${code}, which belongs to another status (ERROR_CODES in src/domain/apiErrors.ts)`;
    }
    return null;
  }

  private validator(key: string, schema: JsonSchema): Ajv.ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(openApiToJsonSchema(schema) as JsonSchema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}
