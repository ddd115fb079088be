import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to out/renderer and served by Electron (file) or web mode (HTTP).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
