import { STATUS_CODES } from 'node:http';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

const isZodSchema = (value: unknown): boolean => typeof value === 'object' && value !== null && 'safeParse' in value;

/**
 * fastify-type-provider-zod's transform, which turns zod schemas into JSON Schema for OpenAPI, extended to
 * response entries that are not zod (a PDF, a CSV, 204 No Content): those go to the document as written.
 */
export function openApiTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const response = input.schema?.response as Record<string, unknown> | undefined;
  if (!response) return jsonSchemaTransform(input);
  const zodResponses: Record<string, unknown> = {};
  const rawResponses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(response)) (isZodSchema(schema) ? zodResponses : rawResponses)[status] = schema;
  const transformed = jsonSchemaTransform({ ...input, schema: { ...input.schema, response: zodResponses } } as TransformInput);
  const documented = (transformed.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!documented) return transformed;
  const merged: Record<string, unknown> = {};
  for (const status of Object.keys(response)) merged[status] = documented[status] ? described(status, documented[status]) : rawResponses[status];
  return { ...transformed, schema: { ...transformed.schema, response: merged } };
}

/** Headers every answer of a status carries, whichever route gives it. */
const HEADERS_BY_STATUS: Record<string, Record<string, { type: string; description: string }>> = {
  '401': { 'WWW-Authenticate': { type: 'string', description: 'Bearer, with error="invalid_token" when a token was sent (RFC 6750)' } },
  '429': { 'Retry-After': { type: 'integer', description: 'seconds to wait before trying again' } },
  '503': { 'Retry-After': { type: 'integer', description: 'seconds to wait before trying again' } },
};

/**
 * A response schema without a description of its own is documented by its status text ("Created"), not
 * "Default Response"; the headers of its status are documented with it.
 */
function described(status: string, schema: unknown): unknown {
  const jsonSchema = schema as { description?: string; headers?: Record<string, unknown> };
  const headers = HEADERS_BY_STATUS[status];
  return {
    ...jsonSchema,
    description: jsonSchema.description ?? STATUS_CODES[Number(status)] ?? status,
    ...(headers ? { headers: { ...headers, ...jsonSchema.headers } } : {}),
  };
}
