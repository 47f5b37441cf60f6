import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Graph-client middleware that adds `Authorization: Bearer …` to requests for one origin, and removes it from
 * any other. The library's own AuthenticationHandler only authenticates `https://` Graph hosts, so it would never
 * send the token to the local stand-in at `http://127.0.0.1:PORT/`; this one follows the configured base URL.
 */
export class BearerTokenForOrigin implements Middleware {
  private readonly origin: string;
  private readonly authProvider: AuthenticationProvider;
  private next: Middleware | undefined;

  constructor(origin: string, authProvider: AuthenticationProvider) {
    this.origin = origin;
    this.authProvider = authProvider;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const value = new URL(url).origin === this.origin ? `Bearer ${await this.authProvider.getAccessToken()}` : undefined;
    setAuthorization(context, value);
    if (!this.next) throw new Error('BearerTokenForOrigin must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function setAuthorization(context: Context, value: string | undefined): void {
  if (typeof context.request !== 'string') {
    if (value) context.request.headers.set('Authorization', value);
    else context.request.headers.delete('Authorization');
    return;
  }
  if (!context.options) context.options = {};
  const options = context.options;
  const headers = options.headers;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    if (value) headers.set('Authorization', value);
    else headers.delete('Authorization');
  } else if (Array.isArray(headers)) {
    const rest = headers.filter((pair) => pair[0].toLowerCase() !== 'authorization');
    options.headers = value ? rest.concat([['Authorization', value]]) : rest;
  } else {
    const rest: Record<string, string> = {};
    const current = (headers ?? {}) as Record<string, string>;
    Object.keys(current).forEach((name) => {
      if (name.toLowerCase() !== 'authorization') rest[name] = current[name];
    });
    if (value) rest.Authorization = value;
    options.headers = rest;
  }
}
