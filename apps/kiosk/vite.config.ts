import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Two pages: the kiosk (/kiosk/) and the citizen's live ticket page (/t/:id, served from ticket.html). */
export default defineConfig({
  root: here('./'),
  base: '/kiosk/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'chrome109',
    rollupOptions: { input: { kiosk: here('./index.html'), ticket: here('./ticket.html') } },
  },
});
