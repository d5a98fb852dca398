import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outputDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The first script loads the app chunk with a dynamic import, after it has sent the first requests;
 * modulepreload links let the browser fetch and compile that chunk, and the small chunks it shares
 * with the views loaded later, meanwhile instead of one after another.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'reflective-portfolio:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const app = Object.values(bundle).find((output) => output.type === 'chunk' && output.isDynamicEntry && output.name === 'renderApp');
        if (!app || app.type !== 'chunk') return [];
        const files: string[] = [];
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || files.includes(fileName)) return;
          files.push(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(app.fileName);
        // Vite links the first script's own imports already.
        return files
          .filter((fileName) => !html.includes(`/${fileName}"`)).map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` }, injectTo: 'head' as const }));
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
