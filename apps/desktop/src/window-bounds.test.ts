import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, clampBounds, parseWindowState, serializeWindowState } from './window-bounds.ts';

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT = { x: 1920, y: 0, width: 1280, height: 984 };

describe('window bounds', () => {
  it('opens a first window centred on the primary display', () => {
    expect(clampBounds(null, [PRIMARY])).toEqual({ x: 320, y: 120, ...DEFAULT_SIZE });
  });

  it('keeps a window that fits where it was', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 900 };
    expect(clampBounds(saved, [PRIMARY, RIGHT])).toEqual(saved);
  });

  it('keeps a window on the second display', () => {
    const saved = { x: 2000, y: 40, width: 1000, height: 700 };
    expect(clampBounds(saved, [PRIMARY, RIGHT])).toEqual(saved);
  });

  it('moves a window from an unplugged monitor onto the primary one', () => {
    const saved = { x: 2000, y: 40, width: 1000, height: 700 };
    expect(clampBounds(saved, [PRIMARY])).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('pulls a window hanging off the edge back inside, keeping its size', () => {
    expect(clampBounds({ x: 1500, y: -30, width: 1000, height: 700 }, [PRIMARY])).toEqual({
      x: 920,
      y: 0,
      width: 1000,
      height: 700,
    });
  });

  it('cuts a window larger than the display to the work area', () => {
    expect(clampBounds({ x: 10, y: 10, width: 4000, height: 3000 }, [PRIMARY])).toEqual(PRIMARY);
  });

  it('grows a tiny saved window to the minimum usable size', () => {
    expect(clampBounds({ x: 10, y: 10, width: 200, height: 100 }, [PRIMARY])).toEqual({
      x: 10,
      y: 10,
      width: 800,
      height: 600,
    });
  });

  it('treats nonsense as no saved position', () => {
    expect(clampBounds({ x: Number.NaN, y: 0, width: 800, height: 600 }, [PRIMARY])).toEqual(
      clampBounds(null, [PRIMARY]),
    );
    expect(clampBounds({ x: 0, y: 0, width: -5, height: 600 }, [PRIMARY])).toEqual(clampBounds(null, [PRIMARY]));
    expect(parseWindowState('{"x":1}')).toBeNull();
    expect(parseWindowState('not json')).toBeNull();
    const state = { x: 1, y: 2, width: 900, height: 700, maximized: true };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });
});
