import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The 导办 tablet at the hall's entrance (/guide/): 1280×800 landscape, touch. */
export default defineConfig({
  root: here('./'),
  base: '/guide/',
  plugins: [react()],
  build: { outDir: here('./dist'), emptyOutDir: true, target: 'chrome109' },
});
