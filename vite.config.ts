import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outputDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The page runs under a strict Content-Security-Policy (script-src 'self', no eval), so the build
 * must put nothing inline in index.html: no module-preload polyfill, scripts and styles as files.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
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
