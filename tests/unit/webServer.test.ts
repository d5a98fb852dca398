import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPortfolioApi } from '../../electron/startup/openPortfolioApi.js';
import { type WebServer, startWebServer } from '../../electron/web/webServer.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, because fetch will not let a test set Host or Origin. */
function rawRequest(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const monday = '2026-11-23';
const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const emptyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

let workFolder: string;
let rendererDir: string;
let server: WebServer;

/** Opens the folder afresh, as the next start of the app would, and reads this week's "This week" section. */
async function thisWeekOnDisk(folder: string): Promise<unknown> {
  const reopened = await openPortfolioApi({ folder, mode: 'web' });
  try {
    const result = await reopened.handlers['week.get']({ weekStart: monday });
    return result.ok ? result.value.entry?.sections.thisWeek : result.error;
  } finally {
    await reopened.opened.close();
  }
}

function host(): string {
  return `127.0.0.1:${server.port}`;
}

function call(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(server.port, {
    method: 'POST',
    path: '/api/call',
    headers: { Host: host(), 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  workFolder = await mkdtemp(path.join(tmpdir(), 'rp-web-'));
  rendererDir = path.join(workFolder, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Reflective Portfolio</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("page");');
  await writeFile(path.join(workFolder, 'secret.txt'), 'outside the renderer build');
  server = await startWebServer({ folder: path.join(workFolder, 'portfolio'), port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  await rm(workFolder, { recursive: true, force: true });
});

describe('the web server address', () => {
  it('is on 127.0.0.1 with the real port and carries the token in the fragment', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  it('uses a token of at least 128 random bits', () => {
    expect(Buffer.from(server.token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });
});

describe('an operation sent to the web server', () => {
  it('is refused with 401 when no token is sent', async () => {
    const response = await call({ name: 'app.info', argument: {} }, { Authorization: '' });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('is refused with 401 when the token is wrong', async () => {
    const response = await call({ name: 'app.info', argument: {} }, { Authorization: `Bearer ${server.token.slice(0, -2)}xx` });
    expect(response.status).toBe(401);
  });

  it('runs and answers 200 with an ok result when the token is right', async () => {
    const response = await call({ name: 'app.info', argument: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { productName: 'Reflective Portfolio', mode: 'web', portfolioFolder: path.join(workFolder, 'portfolio') } });
  });

  it('saves a week that can be read back', async () => {
    const sections = { thisWeek: paragraph('Shadowed the discharge team.'), keyThoughts: emptyDoc, achievements: emptyDoc, nextWeekPlans: emptyDoc };
    const saved = await call({ name: 'week.save', argument: { weekStart: monday, sections } });
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true });
    const read = JSON.parse((await call({ name: 'week.get', argument: { weekStart: monday } })).body);
    expect(read.value.entry.sections.thisWeek).toEqual(sections.thisWeek);
  });

  it('answers an invalid argument with an error value naming the field', async () => {
    const response = await call({ name: 'week.get', argument: { weekStart: 'Tuesday' } });
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(result.error.message).toContain('weekStart');
  });

  it('answers an operation that does not exist with an error value', async () => {
    const response = await call({ name: 'files.delete', argument: {} });
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
  });

  it('is refused with 415 when it is not sent as JSON', async () => {
    const response = await call({ name: 'app.info', argument: {} }, { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('is refused with 400 when the body is not JSON', async () => {
    const response = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call',
      headers: { Host: host(), 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: '{"name": "app.info",',
    });
    expect(response.status).toBe(400);
  });

  it('is refused with 413 when the body is larger than 20 MB', async () => {
    const response = await call({ name: 'app.info', argument: { padding: 'x'.repeat(21 * 1024 * 1024) } });
    expect(response.status).toBe(413);
  });

  it('is refused with 405 for any method but POST', async () => {
    const response = await rawRequest(server.port, { method: 'GET', path: '/api/call', headers: { Host: host(), Authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(405);
  });

  it('is refused with 404 at an unknown /api/ path', async () => {
    const response = await rawRequest(server.port, { method: 'POST', path: '/api/other', headers: { Host: host(), Authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(404);
  });
});

describe('requests from elsewhere', () => {
  it('are refused with 421 when the Host is not 127.0.0.1 or localhost with our port (DNS rebinding)', async () => {
    for (const badHost of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
      const response = await rawRequest(server.port, { headers: { Host: badHost } });
      expect(response.status, badHost).toBe(421);
      expect(response.headers['content-type']).toContain('text/plain');
    }
  });

  it('are answered when the Host is localhost with our port', async () => {
    const response = await rawRequest(server.port, { headers: { Host: `localhost:${server.port}` } });
    expect(response.status).toBe(200);
  });

  it('are refused with 403 when they come from another web site, token or not', async () => {
    const response = await call({ name: 'app.info', argument: {} }, { Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('are allowed from the page itself, whose Origin is ours', async () => {
    const response = await call({ name: 'app.info', argument: {} }, { Origin: `http://127.0.0.1:${server.port}` });
    expect(response.status).toBe(200);
  });

  it('get 405 for a CORS preflight (OPTIONS)', async () => {
    const response = await rawRequest(server.port, {
      method: 'OPTIONS',
      path: '/api/call',
      headers: { Host: host(), Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(405);
  });

  it('never receive an Access-Control-* header on any response', async () => {
    const responses = await Promise.all([
      rawRequest(server.port, { headers: { Host: host() } }),
      rawRequest(server.port, { method: 'OPTIONS', path: '/api/call', headers: { Host: host(), Origin: 'http://evil.example' } }),
      rawRequest(server.port, { method: 'OPTIONS', path: '/api/call', headers: { Host: host() } }),
      call({ name: 'app.info', argument: {} }),
      call({ name: 'app.info', argument: {} }, { Authorization: '' }),
      rawRequest(server.port, { headers: { Host: 'evil.example' } }),
    ]);
    for (const response of responses) expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('the page served by the web server', () => {
  it('is index.html at / without a token, never cached', async () => {
    const response = await rawRequest(server.port, { headers: { Host: host() } });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Reflective Portfolio</title>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves its scripts with a JavaScript content type', async () => {
    const response = await rawRequest(server.port, { path: '/assets/app.js', headers: { Host: host() } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('carries a strict Content-Security-Policy that allows no inline or eval script', async () => {
    const response = await rawRequest(server.port, { headers: { Host: host() } });
    const policy = String(response.headers['content-security-policy']);
    const scriptSource = policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src'));
    expect(scriptSource).toBe("script-src 'self'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('is sent with nosniff and no-referrer', async () => {
    const response = await rawRequest(server.port, { headers: { Host: host() } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('never gives out a file outside the renderer build, however the path is written', async () => {
    for (const sneaky of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await rawRequest(server.port, { path: sneaky, headers: { Host: host() } });
      expect(response.status, sneaky).not.toBe(200);
      expect(response.body).not.toContain('outside the renderer build');
    }
  });

  it('answers 404 for a file that does not exist', async () => {
    const response = await rawRequest(server.port, { path: '/assets/missing.js', headers: { Host: host() } });
    expect(response.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    const response = await rawRequest(server.port, { method: 'PUT', path: '/index.html', headers: { Host: host() } });
    expect(response.status).toBe(405);
  });
});

describe('stopping the web server', () => {
  it('finishes closing with every answered save on disk', async () => {
    const folder = path.join(workFolder, 'closing');
    const own = await startWebServer({ folder, port: 0, rendererDir });
    const sections = { thisWeek: paragraph('Typed just before Ctrl+C.'), keyThoughts: emptyDoc, achievements: emptyDoc, nextWeekPlans: emptyDoc };
    const saving = rawRequest(own.port, {
      method: 'POST',
      path: '/api/call',
      headers: { Host: `127.0.0.1:${own.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${own.token}` },
      body: JSON.stringify({ name: 'week.save', argument: { weekStart: monday, sections } }),
    });
    const answer = await saving;
    await own.close();
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    expect(await thisWeekOnDisk(folder)).toEqual(sections.thisWeek);
  });

  /** Sends one week.save straight over HTTP, as the page's last autosave does. */
  async function saveThisWeek(own: { port: number; token: string }, text: string) {
    const sections = { thisWeek: paragraph(text), keyThoughts: emptyDoc, achievements: emptyDoc, nextWeekPlans: emptyDoc };
    const answer = await rawRequest(own.port, {
      method: 'POST',
      path: '/api/call',
      headers: { Host: `127.0.0.1:${own.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${own.token}` },
      body: JSON.stringify({ name: 'week.save', argument: { weekStart: monday, sections } }),
    });
    return { sections, answer };
  }

  it('still accepts a save that arrives during the grace period after closing began', async () => {
    const folder = path.join(workFolder, 'grace');
    const own = await startWebServer({ folder, port: 0, rendererDir });
    const closing = own.close({ graceMs: 300 });
    const { sections, answer } = await saveThisWeek(own, 'Sent by the autosave after Ctrl+C.');
    await closing;
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    expect(await thisWeekOnDisk(folder)).toEqual(sections.thisWeek);
  });
  it('ends the grace early once operations have been quiet for the given time', async () => {
    const own = await startWebServer({ folder: path.join(workFolder, 'quiet'), port: 0, rendererDir });
    const started = Date.now();
    await own.close({ graceMs: 5000, quietMs: 50 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('during a quiet-ended grace still accepts a save sent just after closing began', async () => {
    const folder = path.join(workFolder, 'quiet-save');
    const own = await startWebServer({ folder, port: 0, rendererDir });
    const closing = own.close({ graceMs: 5000, quietMs: 200 });
    const { sections, answer } = await saveThisWeek(own, 'Sent as the page closed.');
    await closing;
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    expect(await thisWeekOnDisk(folder)).toEqual(sections.thisWeek);
  });
});
