import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer: static files loaded by Electron (or served by the test bridge). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
  },
});
