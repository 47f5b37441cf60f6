import type { z } from 'zod';
import { LmsApiError } from './lmsApiError';

/**
 * The API's answer checked against its response schema (src/domain, the same schema the server serialises
 * through), so components get exactly the documented type, or an LmsApiError instead of a crash mid-render.
 */
export function parseApiResponse<S extends z.ZodTypeAny>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return unexpected(what, `${where}${issue.message}`);
}

function unexpected(what: string, detail: string): never {
  throw new LmsApiError(
    502,
    'unexpected_response',
    `The Atrium LMS service sent ${what} in a form this page does not understand (${detail}). If reloading the page does not help, the page and the service are of different versions.`,
  );
}
