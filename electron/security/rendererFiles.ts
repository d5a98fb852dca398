import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from './contentSecurityPolicy.js';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const entryFileName = 'index.html';

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface RendererFile {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * Maps a URL path ("/", "/assets/index-abc.js") to a file inside the renderer build, or null when
 * the path is malformed, leaves the folder (.., encoded slashes, symlinks out) or names no file.
 */
export async function resolveRendererFile(rendererDir: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const relative = segments.length === 0 ? entryFileName : segments.join('/');

  try {
    const root = await realpath(rendererDir);
    const candidate = await realpath(path.join(root, relative));
    if (!candidate.startsWith(root + path.sep)) return null;
    const info = await stat(candidate);
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/** Reads a renderer file with the headers it must be served with. */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<RendererFile | null> {
  const filePath = await resolveRendererFile(rendererDir, urlPath);
  if (filePath === null) return null;
  const body = await readFile(filePath).catch(() => null);
  if (body === null) return null;
  const isEntry = path.basename(filePath) === entryFileName;
  return {
    body,
    headers: { ...securityHeaders, 'Content-Type': contentTypeFor(filePath), 'Cache-Control': isEntry ? 'no-store' : 'no-cache' },
  };
}
