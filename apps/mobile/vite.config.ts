import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * The citizen's phone pages: the hall, the guide, booking and my appointments (/m/, one page app),
 * and the live ticket page the printed QR code opens (/t/:id, served from ticket.html).
 */
export default defineConfig({
  root: here('./'),
  base: '/m/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'chrome109',
    rollupOptions: { input: { mobile: here('./index.html'), ticket: here('./ticket.html') } },
  },
});
