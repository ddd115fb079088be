/**
 * Responses of our custom protocols, built from the standard web Request/Response that both
 * electron's `protocol.handle` and Node 20 provide.
 */
import { readFile } from 'node:fs/promises';
import { securityHeaders } from './csp.js';

/** A protocol handler as `protocol.handle` takes it. */
export type ProtocolHandler = (request: Request) => Promise<Response>;

/** A plain-text error response that still carries the security headers. */
export function textResponse(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Reads a file into a response, or answers 404 when it cannot be read (vanished, a directory). */
export async function fileResponse(
  request: Request,
  file: string,
  contentType: string,
  headers: Readonly<Record<string, string>>,
): Promise<Response> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return textResponse(404, 'Not found', headers['Content-Security-Policy'] ?? "default-src 'none'");
  }
  const head = { ...headers, 'Content-Type': contentType, 'Content-Length': String(bytes.byteLength) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
    status: 200,
    headers: head,
  });
}

/** True for the methods our read-only protocols answer. */
export function isReadMethod(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}
