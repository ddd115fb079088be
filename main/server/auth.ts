/**
 * Who may talk to the web server: a random per-launch token (API calls: `Authorization: Bearer`,
 * never a cookie, so other local pages cannot forge calls; page and image GETs: `?token=` or an
 * HttpOnly cookie set from it), and only under the host names we are bound to (DNS rebinding).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_COOKIE_PREFIX, TOKEN_QUERY_PARAM } from '../../shared/transport.js';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_HOSTS = ['0.0.0.0', '::', '[::]'];

/** A fresh access token: 32 random bytes, base64url. */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time token comparison (hashing first makes the lengths equal). */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The access rules of one launch (token, bound host and port). */
export class AccessPolicy {
  /** Host header values we answer to; null when bound to a wildcard address (any name reaches us). */
  private readonly hosts: ReadonlySet<string> | null;
  /** Name of the cookie carrying the token (per port: cookies ignore ports). */
  readonly cookieName: string;

  constructor(
    readonly token: string,
    host: string,
    readonly port: number,
  ) {
    this.cookieName = `${TOKEN_COOKIE_PREFIX}${port}`;
    const bound = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    const names = WILDCARD_HOSTS.includes(host)
      ? null
      : LOOPBACK_NAMES.includes(bound)
        ? LOOPBACK_NAMES
        : [bound];
    this.hosts = names && new Set(names.map((name) => `${name.toLowerCase()}:${port}`));
  }

  /** True when the Host header names this server (defence against DNS rebinding). */
  hostAllowed(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    return this.hosts === null || this.hosts.has(hostHeader.toLowerCase());
  }

  /** True for no Origin (non-browser clients) or our own origin (WebSocket upgrades). */
  originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
    if (origin === undefined) return true;
    return hostHeader !== undefined && origin.toLowerCase() === `http://${hostHeader.toLowerCase()}`;
  }

  /** API calls: the token in `Authorization: Bearer`, nothing else. */
  bearerAllowed(req: IncomingMessage): boolean {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    return tokenMatches(this.token, match?.[1]);
  }

  /** Page and image GETs: `?token=` (then the caller sets the cookie) or the cookie. */
  getAllowed(req: IncomingMessage, query: URLSearchParams): 'query' | 'cookie' | false {
    if (tokenMatches(this.token, query.get(TOKEN_QUERY_PARAM))) return 'query';
    if (tokenMatches(this.token, readCookie(req.headers.cookie, this.cookieName))) return 'cookie';
    return false;
  }

  /** The Set-Cookie value that lets the browser load the UI's assets and images. */
  cookieHeader(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
