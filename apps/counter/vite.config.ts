import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Two pages: the officer's counter (/counter/) and the counter-facing rating screen (/rate/:windowId, rate.html). */
export default defineConfig({
  root: here('./'),
  base: '/counter/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'chrome109',
    rollupOptions: { input: { counter: here('./index.html'), rate: here('./rate.html') } },
  },
});
