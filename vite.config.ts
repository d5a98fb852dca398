import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outputDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The first script loads the app chunk with a dynamic import, after it has sent the first requests;
 * a modulepreload link lets the browser fetch and compile that chunk meanwhile instead of after.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'reflective-portfolio:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isDynamicEntry && output.name === 'renderApp');
        if (!chunk) return [];
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The page runs under a strict Content-Security-Policy (script-src 'self', no eval), so the build
 * must put nothing inline in index.html: no module-preload polyfill, scripts and styles as files.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), preloadAppChunk()],
  build: {
    outDir: outputDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle read from the local disk (or loopback): size matters far less than on the web.
    chunkSizeWarningLimit: 1500,
  },
});
