import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The hall manager's console (/manager/): live hall, alerts, configuration, reports, audit. */
export default defineConfig({
  root: here('./'),
  base: '/manager/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'chrome109',
    chunkSizeWarningLimit: 1500,
  },
});
