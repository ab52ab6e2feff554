import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The hall display (/display/); public/voice/zh/ is the clip folder, copied as it is. */
export default defineConfig({
  root: here('./'),
  base: '/display/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'chrome109',
  },
});
