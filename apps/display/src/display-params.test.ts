import { describe, expect, it } from 'vitest';
import { orientationOf, parseDisplayParams } from './display-params.ts';

describe('display address', () => {
  it('reads zone, orientation and voice mode, with safe defaults', () => {
    expect(
      parseDisplayParams('?windows=w1,%20w3,&orientation=portrait&voice=record&voiceMs=250&pageSeconds=4'),
    ).toEqual({
      windows: ['w1', 'w3'],
      orientation: 'portrait',
      voice: 'record',
      recordMs: 250,
      pageSeconds: 4,
    });
    expect(parseDisplayParams('?orientation=sideways&voice=loud&voiceMs=-1&pageSeconds=1')).toEqual({
      windows: null,
      orientation: null,
      voice: 'auto',
      recordMs: 400,
      pageSeconds: 10,
    });
  });
  it('picks the orientation from the aspect ratio', () => {
    expect(orientationOf(1920, 1080)).toBe('landscape');
    expect(orientationOf(1080, 1920)).toBe('portrait');
  });
});
