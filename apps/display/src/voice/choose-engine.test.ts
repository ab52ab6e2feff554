import { describe, expect, it } from 'vitest';
import { pickEngineKind } from './choose-engine.ts';

describe('engine choice', () => {
  const all = { zhVoice: true, clips: true, audio: true };
  it('prefers a zh-CN speech voice, then the clip folder, then the chime alone', () => {
    expect(pickEngineKind('auto', all)).toBe('speech');
    expect(pickEngineKind('auto', { ...all, zhVoice: false })).toBe('clips');
    expect(pickEngineKind('auto', { zhVoice: false, clips: false, audio: true })).toBe('chime');
    expect(pickEngineKind('auto', { zhVoice: false, clips: true, audio: false })).toBe('silent');
  });
  it('a forced mode falls back only to something quieter', () => {
    expect(pickEngineKind('clips', all)).toBe('clips');
    expect(pickEngineKind('clips', { ...all, clips: false })).toBe('chime');
    expect(pickEngineKind('speech', { ...all, zhVoice: false })).toBe('clips');
    expect(pickEngineKind('chime', all)).toBe('chime');
    expect(pickEngineKind('record', { zhVoice: false, clips: false, audio: false })).toBe('record');
    expect(pickEngineKind('off', all)).toBe('silent');
  });
});
