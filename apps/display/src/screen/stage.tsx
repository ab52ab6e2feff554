import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { orientationOf, type Orientation } from '../display-params.ts';

const SIZE: Record<Orientation, { w: number; h: number }> = {
  landscape: { w: 1920, h: 1080 },
  portrait: { w: 1080, h: 1920 },
};

function viewport(): { w: number; h: number } {
  return { w: window.innerWidth, h: window.innerHeight };
}

/** The screen's orientation: forced by the address, else from its aspect ratio (and followed on resize). */
export function useOrientation(forced: Orientation | null): Orientation {
  const [vp, setVp] = useState(viewport);
  useEffect(() => {
    const on = (): void => setVp(viewport());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return forced ?? orientationOf(vp.w, vp.h);
}

/**
 * Lays the screen out on a fixed 1920×1080 (or 1080×1920) canvas and scales it to the panel, so a
 * 1366×768 TV and a 4K panel show the same picture.
 */
export function Stage(p: { orientation: Orientation; children: ReactNode }): ReactElement {
  const [vp, setVp] = useState(viewport);
  useEffect(() => {
    const on = (): void => setVp(viewport());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  const size = SIZE[p.orientation];
  const scale = Math.min(vp.w / size.w, vp.h / size.h);
  return (
    <div className="stage-frame">
      <div
        className={`stage stage--${p.orientation}`}
        data-orientation={p.orientation}
        style={{
          width: size.w,
          height: size.h,
          transform: `translate(-50%, -50%) scale(${scale})`,
        }}
      >
        {p.children}
      </div>
    </div>
  );
}
