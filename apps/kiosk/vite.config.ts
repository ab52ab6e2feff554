import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The kiosk (/kiosk/). The citizen's live ticket page (/t/:id) is part of apps/mobile. */
export default defineConfig({
  root: here('./'),
  base: '/kiosk/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'chrome109',
  },
});
