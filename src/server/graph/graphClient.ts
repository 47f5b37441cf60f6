import {
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
// The same middleware the browser's Graph client uses: the token goes to the configured Graph origin only.
import { BearerTokenForOrigin } from '../../graphMiddleware/bearerTokenForOrigin';

export interface GraphRetrySettings {
  /** Retries of a throttled (429) or unavailable (503/504) request; the library caps it at 10. */
  maxRetries: number;
  /** Wait when the answer has no `Retry-After` (the library backs off exponentially from it). A `Retry-After` always wins. */
  delaySeconds: number;
}

export const DEFAULT_GRAPH_RETRY: GraphRetrySettings = { maxRetries: 5, delaySeconds: 3 };

/**
 * The real `@microsoft/microsoft-graph-client`, with its own retry, redirect, telemetry and HTTP middleware.
 * Authentication is ours: the library's AuthenticationHandler adds the token only to `https://` Graph hosts
 * (or `customHosts`), so it would never authenticate to the local stand-in at `http://127.0.0.1:PORT/`.
 * Ours adds it to requests for the configured base URL's origin and to nothing else.
 */
export function createGraphClient(options: { baseUrl: string; authProvider: AuthenticationProvider; retry?: GraphRetrySettings }): Client {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const retry = options.retry ?? DEFAULT_GRAPH_RETRY;
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    middleware: [
      new BearerTokenForOrigin(new URL(baseUrl).origin, options.authProvider),
      new RetryHandler(new RetryHandlerOptions(retry.delaySeconds, retry.maxRetries)),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      new HTTPMessageHandler(),
    ],
  });
}

/** `http://127.0.0.1:3000` → `http://127.0.0.1:3000/` */
export function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Graph base URL must be http(s): ${baseUrl}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The path to give `client.api()` for a `@odata.nextLink` / `@odata.deltaLink`. The library only strips the
 * host of `https://` links, so links of the `http://` stand-in are made relative here; a link to any other
 * place than this Graph is refused, so the tenant's token never goes elsewhere.
 */
export function graphPathOfLink(baseUrl: string, link: string): string {
  const versionRoot = `${normaliseBaseUrl(baseUrl)}v1.0/`;
  if (!link.startsWith(versionRoot)) throw new Error(`Refusing to follow a Graph link outside ${versionRoot}`);
  return `/${link.slice(versionRoot.length)}`;
}
