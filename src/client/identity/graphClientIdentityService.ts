import {
  type AuthenticationProvider,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { BearerTokenForOrigin } from '../../graphMiddleware/bearerTokenForOrigin';
import { type IIdentityService, readSignedInPerson, type SignedInPerson } from './identityService';

export interface GraphClientIdentityServiceOptions {
  /** Microsoft Graph's root, `https://graph.microsoft.com/` (or a national cloud), or the local stand-in's URL. */
  baseUrl: string;
  /** Delegated Graph tokens (User.Read) for the signed-in person: MSAL, or the dev issuer locally. */
  authProvider: AuthenticationProvider;
}

/** `http://127.0.0.1:3000` → `http://127.0.0.1:3000/`; only http(s) is accepted. */
function graphRoot(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`The Graph base URL must be http(s): ${baseUrl}`);
  return url.href.charAt(url.href.length - 1) === '/' ? url.href : `${url.href}/`;
}

/** IIdentityService outside SharePoint (standalone page, Teams tab): the real `@microsoft/microsoft-graph-client`. */
export class GraphClientIdentityService implements IIdentityService {
  private readonly client: Client;

  constructor(options: GraphClientIdentityServiceOptions) {
    const baseUrl = graphRoot(options.baseUrl);
    this.client = Client.initWithMiddleware({
      baseUrl,
      defaultVersion: 'v1.0',
      // The library's browser chain, with our authentication: throttled (429) and unavailable (503) answers are retried.
      middleware: [
        new BearerTokenForOrigin(new URL(baseUrl).origin, options.authProvider),
        new RetryHandler(new RetryHandlerOptions()),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
    });
  }

  getMe(): Promise<SignedInPerson> {
    return readSignedInPerson(this.client);
  }
}
