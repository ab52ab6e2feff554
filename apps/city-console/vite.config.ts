import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The city console (/city/ on the city server): every hall of the city at a glance, read-only. */
export default defineConfig({
  root: here('./'),
  base: '/city/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'chrome109',
  },
});
