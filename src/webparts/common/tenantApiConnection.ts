import { SPHttpClient } from '@microsoft/sp-http';

/**
 * Tenant properties (SharePoint storage entities in the app catalog) that connect every instance at once,
 * including the Teams personal app, which has no property pane. An admin sets them with
 * `m365 spo storageentity set` or `Set-PnPStorageEntity`.
 */
export const TENANT_PROPERTY_KEYS = {
  apiBaseUrl: 'AtriumLmsApiBaseUrl',
  apiResource: 'AtriumLmsApiResource',
} as const;

export interface ApiConnection {
  apiBaseUrl: string;
  apiResource: string;
}

async function readTenantProperty(spHttpClient: SPHttpClient, webUrl: string, key: string): Promise<string> {
  const response = await spHttpClient.get(`${webUrl}/_api/web/GetStorageEntity('${key}')`, SPHttpClient.configurations.v1);
  if (!response.ok) return '';
  const body = (await response.json()) as { Value?: unknown };
  return typeof body.Value === 'string' ? body.Value.trim() : '';
}

/** Reads both tenant properties; a missing property reads as ''. */
export async function readTenantApiConnection(spHttpClient: SPHttpClient, webUrl: string): Promise<ApiConnection> {
  const [apiBaseUrl, apiResource] = await Promise.all([
    readTenantProperty(spHttpClient, webUrl, TENANT_PROPERTY_KEYS.apiBaseUrl),
    readTenantProperty(spHttpClient, webUrl, TENANT_PROPERTY_KEYS.apiResource),
  ]);
  return { apiBaseUrl, apiResource };
}
