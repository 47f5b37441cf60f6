import { lmsApiErrorFromResponse } from '../lmsApiError';

/** The part of a response both `fetch`'s Response and SPFx's HttpClientResponse offer. */
export interface JsonResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}

/** Parses a successful JSON response, or rejects with the LmsApiError the failure maps to. */
export async function readJsonResponse<T>(response: JsonResponseLike): Promise<T> {
  const bodyText = await response.text();
  if (!response.ok) throw lmsApiErrorFromResponse(response.status, response.statusText, bodyText);
  if (response.status === 204 || bodyText === '') return undefined as T;
  try {
    return JSON.parse(bodyText) as T;
  } catch {
    throw lmsApiErrorFromResponse(502, 'Bad Gateway', '');
  }
}
