import { isAppUrl } from '../security/appOrigin.js';
import { securityHeaders } from '../security/contentSecurityPolicy.js';
import { readRendererFile } from '../security/rendererFiles.js';

/** The app:// handler (for protocol.handle): files from the renderer build, with the security headers, and nothing else. */
export function createRendererProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const notFound = () => new Response('Not found.', { status: 404, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    if (!isAppUrl(request.url) || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const file = await readRendererFile(rendererDir, new URL(request.url).pathname);
    if (file === null) return notFound();
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: file.headers });
  };
}
