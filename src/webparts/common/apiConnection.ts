import type { ApiConnection } from './tenantApiConnection';

/** The two web part properties every Atrium web part has; empty values fall back to the tenant properties. */
export interface IApiConnectionProps {
  /** HTTPS base address of the Atrium LMS API; empty means the tenant property. */
  apiBaseUrl: string;
  /** The API's Entra application ID URI or client id, for AadHttpClientFactory.getClient; empty means the tenant property. */
  apiResource: string;
}

export function isHttpsUrl(value: string): boolean {
  return /^https:\/\/[^\s/]+/i.test(value.trim());
}

/** The web part's own properties win over the tenant-wide ones; undefined while neither names a usable API. */
export function resolveApiConnection(props: IApiConnectionProps, tenant: ApiConnection): ApiConnection | undefined {
  const apiBaseUrl = (props.apiBaseUrl || tenant.apiBaseUrl || '').trim();
  const apiResource = (props.apiResource || tenant.apiResource || '').trim();
  if (!isHttpsUrl(apiBaseUrl) || !apiResource) return undefined;
  return { apiBaseUrl, apiResource };
}
