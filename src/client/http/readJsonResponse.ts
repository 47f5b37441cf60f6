import { lmsApiErrorFromResponse, LmsApiError } from '../lmsApiError';

/** The part of a response both `fetch`'s Response and SPFx's HttpClientResponse offer. */
export interface JsonResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}

/** The JSON of a successful response (undefined for 204 No Content), or the LmsApiError the failure maps to. */
export async function readJsonResponse(response: JsonResponseLike): Promise<unknown> {
  const bodyText = await response.text();
  if (!response.ok) throw lmsApiErrorFromResponse(response.status, response.statusText, bodyText);
  if (response.status === 204 || bodyText === '') return undefined;
  try {
    return JSON.parse(bodyText);
  } catch {
    throw new LmsApiError(502, 'unexpected_response', `The Atrium LMS service answered ${response.status} with a body that is not JSON.`);
  }
}
