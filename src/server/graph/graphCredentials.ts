import { ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

/** App-only access to Microsoft Graph: the permissions granted to the app registration (User.Read.All, GroupMember.Read.All). */
export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';

/** The Atrium app registration's credential: a client secret, or (preferred) a certificate. */
export type GraphAppCredentialSettings =
  | { clientId: string; clientSecret: string; authorityHost?: string }
  | { clientId: string; certificatePath: string; sendCertificateChain?: boolean; authorityHost?: string };

/** A credential for the multi-tenant app in one customer tenant (the token's `tid` is that tenant). */
export function graphCredentialFor(tenantId: string, settings: GraphAppCredentialSettings): TokenCredential {
  const common = settings.authorityHost ? { authorityHost: settings.authorityHost } : {};
  if ('clientSecret' in settings) return new ClientSecretCredential(tenantId, settings.clientId, settings.clientSecret, common);
  return new ClientCertificateCredential(
    tenantId,
    settings.clientId,
    { certificatePath: settings.certificatePath },
    { ...common, sendCertificateChain: settings.sendCertificateChain ?? false },
  );
}

/**
 * `getAccessToken` for `createGraphDirectory` in production: one credential per tenant, kept, because each
 * credential caches its token and refreshes it before expiry.
 */
export function graphAccessTokens(settings: GraphAppCredentialSettings, scope = GRAPH_APP_SCOPE): (tenantId: string) => Promise<string> {
  const providers = new Map<string, TokenCredentialAuthenticationProvider>();
  return (tenantId) => {
    let provider = providers.get(tenantId);
    if (!provider) {
      provider = new TokenCredentialAuthenticationProvider(graphCredentialFor(tenantId, settings), { scopes: [scope] });
      providers.set(tenantId, provider);
    }
    return provider.getAccessToken();
  };
}
