import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chime, normalise, wav } from '../apps/display/tools/formant-synth.ts';
import { CLIP_SYLLABLES, renderWord } from '../apps/display/tools/mandarin-syllables.ts';
import { OPTIONAL_CLIPS, REQUIRED_CLIPS } from '../apps/display/src/voice/announcement-text.ts';

/**
 * Writes the demo clip set into apps/display/public/voice/zh/: every clip the display needs,
 * synthesised by our own formant synthesizer, plus voice.json naming the files. A hall replaces
 * them with its own recordings (see apps/display/README.md). Run: npx tsx scripts/gen-voice-clips.ts
 */
const dir = join(import.meta.dirname, '..', 'apps', 'display', 'public', 'voice', 'zh');
mkdirSync(dir, { recursive: true });

const files: Record<string, string> = {};
for (const name of [...REQUIRED_CLIPS, ...OPTIONAL_CLIPS]) {
  const audio = name === 'chime' ? chime() : renderWord(CLIP_SYLLABLES[name] ?? []);
  if (audio.length === 0) throw new Error(`no syllables for clip "${name}"`);
  const file = `${name}.wav`;
  writeFileSync(join(dir, file), wav(normalise(audio, name === 'chime' ? -6 : -3)));
  files[name] = file;
}
writeFileSync(
  join(dir, 'voice.json'),
  JSON.stringify(
    { note: 'Generated demo clips (scripts/gen-voice-clips.ts); replace with recordings.', files },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${Object.keys(files).length} clips to ${dir}`);
