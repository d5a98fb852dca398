/**
 * Loopback web mode: the same operations and the same page as the desktop window, served over
 * HTTP to a browser on this computer only.
 *
 * Who may talk to it: the server listens on 127.0.0.1, refuses any Host other than
 * 127.0.0.1:<port> / localhost:<port> (DNS rebinding), refuses foreign Origins, sends no CORS
 * headers, and runs an operation only for a request carrying the per-start token as a Bearer
 * header. The page itself (static files) needs no token; it reads the token from the URL fragment.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch } from '../../shared/api/dispatch.js';
import { type ApiErrorCode, type Result, failure } from '../../shared/api/result.js';
import { securityHeaders } from '../security/contentSecurityPolicy.js';
import { entryFileName, readRendererFile } from '../security/rendererFiles.js';
import { openPortfolioApi } from '../startup/openPortfolioApi.js';
import { bearerToken, isAllowedHost, isAllowedOrigin, newAccessToken, tokensMatch } from './requestGuards.js';

export interface WebServerOptions {
  /** The portfolio folder (created on first run). */
  folder: string;
  /** 0 or absent: a free port chosen by the operating system. */
  port?: number;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  now?: () => Date;
  newId?: () => string;
  /** The built export worker; by default the one built beside the renderer (out/electron/exportWorker.cjs). */
  exportWorker?: string;
}

export interface CloseOptions {
  /**
   * At most how long to keep answering operations before stopping, so a save the page was about
   * to send still arrives. 0 stops at once, and also cuts short the grace of an earlier close.
   */
  graceMs?: number;
  /**
   * End the grace early once no operation has arrived or run for this long. Absent: wait the whole
   * grace (an autosave debounce may still be counting down in an open page).
   */
  quietMs?: number;
}

export interface WebServer {
  /** The address to open, with the token in the fragment (never sent to the server). */
  url: string;
  port: number;
  token: string;
  folder: string;
  /** Stops listening, waits for operations already running, writes everything to disk and closes the portfolio. */
  close(options?: CloseOptions): Promise<void>;
}

export const apiCallPath = '/api/call';
export const maximumBodyBytes = 20 * 1024 * 1024;

const localBase = 'http://127.0.0.1';

class RequestProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer): void {
  response.writeHead(status, { ...securityHeaders, ...headers });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  send(response, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders }, `${text}\n`);
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>, extraHeaders: Record<string, string> = {}): void {
  send(response, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders }, JSON.stringify(result));
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maximumBodyBytes) throw new RequestProblem(413, 'invalid-argument', 'The request was too large.');
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > maximumBodyBytes) throw new RequestProblem(413, 'invalid-argument', 'The request was too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new RequestProblem(400, 'invalid-argument', 'The request was not valid JSON.');
  }
}

function readCall(body: unknown): { name: unknown; argument: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestProblem(400, 'invalid-argument', 'The request must be an object with a name and an argument.');
  }
  const call = body as Record<string, unknown>;
  return { name: call.name, argument: call.argument };
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { opened, handlers, exports } = await openPortfolioApi({
    folder: options.folder,
    mode: 'web',
    exportWorker: options.exportWorker ?? path.join(options.rendererDir, '..', 'electron', 'exportWorker.cjs'),
    ...(options.now ? { now: options.now } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
  });
  const token = newAccessToken();
  const running = new Set<Promise<void>>();
  let lastCallActivity = 0;
  let accepting = true;
  let port = 0;

  const answerCall = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const presented = bearerToken(request.headers.authorization);
    if (presented === null || !tokensMatch(token, presented)) {
      request.resume();
      sendResult(response, 401, failure('unauthorised', 'This page is not allowed to use the portfolio. Open the address the app printed when it started.'), {
        'WWW-Authenticate': 'Bearer',
      });
      return;
    }
    if (!isJsonContentType(request.headers['content-type'])) {
      request.resume();
      sendResult(response, 415, failure('invalid-argument', 'The request must be sent as application/json.'));
      return;
    }
    try {
      const { name, argument } = readCall(await readJsonBody(request));
      if (!accepting) {
        sendResult(response, 503, failure('portfolio-unavailable', 'The app is closing, so this change could not be saved.'));
        return;
      }
      sendResult(response, 200, await dispatch(handlers, name, argument));
    } catch (error) {
      if (!(error instanceof RequestProblem)) throw error;
      sendResult(response, error.status, failure(error.code, error.message), error.status === 413 ? { Connection: 'close' } : {});
    }
  };

  const serveFile = async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const file = await readRendererFile(options.rendererDir, pathname);
    if (file === null) {
      const missingBuild = pathname === '/' || pathname === `/${entryFileName}`;
      if (missingBuild) sendText(response, 503, 'The app page has not been built yet. Run: npm run build');
      else sendText(response, 404, 'Not found.');
      return;
    }
    send(response, 200, { ...file.headers, 'Content-Length': String(file.body.length) }, request.method === 'HEAD' ? undefined : file.body);
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isAllowedHost(request.headers.host, port)) {
      request.resume();
      sendText(response, 421, 'Misdirected request: this server answers only to 127.0.0.1 and localhost.');
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      request.resume();
      sendText(response, 403, 'Forbidden: requests from other web sites are refused.');
      return;
    }
    const target = request.url ?? '/';
    if (!target.startsWith('/')) {
      request.resume();
      sendText(response, 400, 'Bad request.');
      return;
    }
    const { pathname } = new URL(target, `${localBase}:${port}`);
    const method = request.method ?? 'GET';

    if (pathname === '/api' || pathname.startsWith('/api/')) {
      if (pathname !== apiCallPath) {
        request.resume();
        sendText(response, method === 'OPTIONS' ? 405 : 404, method === 'OPTIONS' ? 'Method not allowed.' : 'Not found.');
        return;
      }
      if (method !== 'POST') {
        request.resume();
        sendText(response, 405, 'Method not allowed.', { Allow: 'POST' });
        return;
      }
      const call = answerCall(request, response);
      lastCallActivity = Date.now();
      running.add(call);
      await call.finally(() => {
        running.delete(call);
        lastCallActivity = Date.now();
      });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      request.resume();
      sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      return;
    }
    await serveFile(request, response, pathname);
  };

  const server: Server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (response.headersSent) response.destroy();
      else sendResult(response, 500, failure('internal', 'Something went wrong inside the app. Your last saved work is safe.'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  let endGrace = (): void => undefined;
  const graceOver = (graceMs: number, quietMs: number) =>
    new Promise<void>((resolve) => {
      const started = Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const check = () => {
        const now = Date.now();
        const quietFor = now - Math.max(started, lastCallActivity);
        if (now - started >= graceMs || (running.size === 0 && quietFor >= quietMs)) resolve();
        else timer = setTimeout(check, 25);
      };
      endGrace = () => {
        clearTimeout(timer);
        resolve();
      };
      check();
    });
  const close = (closeOptions: CloseOptions = {}): Promise<void> => {
    const graceMs = closeOptions.graceMs ?? 0;
    if (closing) {
      if (graceMs === 0) endGrace();
      return closing;
    }
    closing = (async () => {
      if (graceMs > 0) await graceOver(graceMs, closeOptions.quietMs ?? graceMs);
      accepting = false;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...running]);
      exports.cancelAll();
      await opened.flush();
      await opened.close();
      server.closeAllConnections();
      await stopped;
    })();
    return closing;
  };

  return { url: `${localBase}:${port}/#token=${token}`, port, token, folder: opened.folder, close };
}
