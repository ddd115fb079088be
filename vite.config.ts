import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server injects inline scripts (React Refresh preamble, Vite client), which the page's
 * CSP meta forbids. Dev serving drops the meta; production builds keep it and inline nothing.
 */
function dropCspMetaInDev(): Plugin {
  return {
    name: 'vcheck:drop-csp-meta-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

// The renderer is built to out/renderer and served by Electron (file) or web mode (HTTP).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), dropCspMetaInDev()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
