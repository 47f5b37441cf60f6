// The fuzzer's requests as bytes on a real socket, so Node's own HTTP parser sees what inject() never sends:
// duplicate and conflicting headers, odd framing, oversized or malformed header lines.
import net from 'node:net';
import fc from 'fast-check';
import type { FuzzRequest } from './fuzzRequests';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What is done to the request on the wire; each one is something a broken client or proxy has sent. */
const WIRE_CHANGES = [
  'none',
  'duplicate authorization',
  'duplicate content-type',
  'conflicting content-length',
  'content-length and chunked',
  'chunked body',
  'broken chunk',
  'short content-length',
  'folded header',
  'bad header name',
  'control bytes in a header',
  'latin-1 bytes in a header',
  'oversized header',
  'many headers',
  'absolute URL',
  'HTTP/1.0',
  'lowercase method',
  'raw bytes in the path',
] as const;

export type WireChange = (typeof WIRE_CHANGES)[number];

export const wireChange: fc.Arbitrary<WireChange> = fc.constantFrom(...WIRE_CHANGES);

/** Node's default --max-http-header-size: above it, the parser answers 431. */
const NODE_MAX_HEADER_BYTES = 16 * 1024;

/** Changes Node's HTTP parser refuses (400, 431) before any route is chosen. */
const REFUSED_BY_THE_HTTP_PARSER: ReadonlySet<WireChange> = new Set<WireChange>([
  'conflicting content-length',
  'content-length and chunked',
  'broken chunk',
  'folded header',
  'bad header name',
  'control bytes in a header',
  'oversized header',
  'many headers',
  'lowercase method',
  'raw bytes in the path',
]);

/**
 * Whether Node answers the request itself, before any route is chosen: a request its parser refuses, or one whose
 * Expect header it cannot meet (417). Such answers belong to no operation of the OpenAPI document.
 */
export function answeredBeforeAnyRoute(request: FuzzRequest, change: WireChange): boolean {
  const expect = request.headers.expect;
  // eslint-disable-next-line no-control-regex -- control characters are what the parser refuses in a header value
  const controlCharacters = Object.values(request.headers).some((value) => /[\x00-\x08\x0b-\x1f\x7f]/.test(value.replace(/[\r\n]/g, ' ')));
  const headerBytes = Object.entries(request.headers).reduce((sum, [name, value]) => sum + Buffer.byteLength(`${name}: ${value}\r\n`), request.url.length);
  const oversized = headerBytes > NODE_MAX_HEADER_BYTES;
  return REFUSED_BY_THE_HTTP_PARSER.has(change) || controlCharacters || oversized || (expect !== undefined && !/^100-continue$/i.test(expect.trim()));
}

/** The request as HTTP/1.1 bytes, with one change on the wire. `otherAuthorization` is the second one of a duplicate pair. */
export function onTheWire(request: FuzzRequest, change: WireChange, otherAuthorization: string): Buffer {
  const body = request.payload === undefined ? Buffer.alloc(0) : Buffer.from(request.payload, 'utf8');
  let method = request.method;
  let target = request.url;
  let version = 'HTTP/1.1';
  const lines: Array<string | Buffer> = ['Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value.replace(/[\r\n]/g, ' ')}`);
  let framed = body;
  let contentLength: string | null = request.payload === undefined ? null : String(body.length);

  switch (change) {
    case 'duplicate authorization':
      lines.push(`Authorization: ${otherAuthorization}`);
      break;
    case 'duplicate content-type':
      lines.push('Content-Type: text/plain', 'Content-Type: application/json');
      break;
    case 'conflicting content-length':
      contentLength ??= '0';
      lines.push(`Content-Length: ${body.length + 1}`);
      break;
    case 'content-length and chunked':
      contentLength ??= '0';
      lines.push('Transfer-Encoding: chunked');
      break;
    case 'chunked body':
      contentLength = null;
      lines.push('Transfer-Encoding: chunked');
      framed = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from(body.length ? '\r\n0\r\n\r\n' : '\r\n')]);
      break;
    case 'broken chunk':
      contentLength = null;
      lines.push('Transfer-Encoding: chunked');
      framed = Buffer.concat([Buffer.from('zz\r\n'), body, Buffer.from('\r\n0\r\n\r\n')]);
      break;
    case 'short content-length':
      // The bytes after the declared length arrive as a second, garbage request on the same connection.
      if (contentLength !== null) contentLength = String(Math.floor(body.length / 2));
      break;
    case 'folded header':
      lines.push('X-Folded: first', ' continued');
      break;
    case 'bad header name':
      lines.push('Bad Header(): x');
      break;
    case 'control bytes in a header':
      lines.push(Buffer.from('X-Control: a\u0000b\u0007c\u007f', 'latin1'));
      break;
    case 'latin-1 bytes in a header':
      lines.push(Buffer.concat([Buffer.from('X-Name: '), Buffer.from([0xe9, 0xff, 0xc3, 0x28])]));
      break;
    case 'oversized header':
      lines.push(`X-Large: ${'a'.repeat(20 * 1024)}`);
      break;
    case 'many headers':
      for (let i = 0; i < 2500; i++) lines.push(`X-H${i}: ${i}`);
      break;
    case 'absolute URL':
      target = `http://127.0.0.1${target}`;
      break;
    case 'HTTP/1.0':
      version = 'HTTP/1.0';
      break;
    case 'lowercase method':
      method = method.toLowerCase();
      break;
    case 'raw bytes in the path':
      target = target.replace(/\/[^/]*$/, '/caf\u00e9\u00ff \u0000x');
      break;
    case 'none':
      break;
  }
  if (contentLength !== null) lines.push(`Content-Length: ${contentLength}`);
  const head = [Buffer.from(`${method} `), Buffer.from(target, change === 'raw bytes in the path' ? 'latin1' : 'utf8'), Buffer.from(` ${version}\r\n`)];
  for (const line of lines) head.push(typeof line === 'string' ? Buffer.from(line, 'utf8') : line, Buffer.from('\r\n'));
  return Buffer.concat([...head, Buffer.from('\r\n'), framed]);
}

/**
 * Sends bytes and reads the first response on the connection; rejects if none has arrived within `limitMs`.
 * The answer to a HEAD request has headers only, whatever its Content-Length says.
 */
export function sendRaw(port: number, bytes: Buffer, limitMs: number, options: { head?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let received = Buffer.alloc(0);
    let settled = false;
    let timer: NodeJS.Timeout | undefined = undefined;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    timer = setTimeout(() => finish(() => reject(new Error(`no answer within ${limitMs} ms`))), limitMs);
    const tryParse = (ended: boolean) => {
      const answer = firstResponse(received, ended, options.head ?? false);
      if (answer) finish(() => resolve(answer));
      else if (ended) finish(() => reject(new Error(`the connection closed without a complete answer: ${JSON.stringify(received.toString('latin1').slice(0, 200))}`)));
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      tryParse(false);
    });
    socket.on('end', () => tryParse(true));
    socket.on('close', () => tryParse(true));
    // The server may close while we are still writing a request it has already refused; its answer still counts.
    socket.on('error', () => tryParse(true));
    // Written, not ended: a client that half-closes its side makes Node abort the request it is still answering.
    socket.write(bytes);
  });
}

function firstResponse(bytes: Buffer, ended: boolean, head: boolean): RawAnswer | null {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const [statusLine, ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!status) throw new Error(`not an HTTP response: ${statusLine}`);
  // An interim answer (100 Continue to an Expect header) comes before the real one.
  if (status < 200) return firstResponse(bytes.subarray(headEnd + 4), ended, head);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(headEnd + 4);
  if (head) return { status, headers, body: Buffer.alloc(0) };
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return rest.length >= length ? { status, headers, body: rest.subarray(0, length) } : null;
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const body = dechunked(rest);
    return body ? { status, headers, body } : null;
  }
  return ended ? { status, headers, body: rest } : null;
}

function dechunked(bytes: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts);
    if (bytes.length < lineEnd + 2 + size + 2) return null;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
