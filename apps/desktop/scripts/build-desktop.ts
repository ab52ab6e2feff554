/** `npm run build:desktop`: bundles the shell into apps/desktop/dist (what electron-builder packs). */
import { join } from 'node:path';
import { bundleDesktop } from './bundle.ts';

const outDir = join(import.meta.dirname, '..', 'dist');
const files = await bundleDesktop(outDir);
console.log(`built apps/desktop/dist: ${files.join(', ')}`);
