import type { ReactElement } from 'react';

/** Simple line icons (24×24, stroke in the current colour): calm, no emoji. */
const paths = {
  back: 'M15 5l-7 7 7 7M8 12h12',
  home: 'M4 11l8-7 8 7M6 9.5V20h12V9.5M10 20v-6h4v6',
  chevronRight: 'M9 5l7 7-7 7',
  chevronLeft: 'M15 5l-7 7 7 7',
  chevronDown: 'M5 9l7 7 7-7',
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM16 16l5 5',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M9 15l2 2 4-4',
  household: 'M3 11l9-7 9 7M5 9.5V20h14V9.5M9.5 14a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M8 20c.5-2 2-3 4-3s3.5 1 4 3',
  passport: 'M6 3h11a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H6zM9 10a3 3 0 1 0 6 0a3 3 0 1 0-6 0M9 17h6M12 7v6',
  car: 'M5 16V12l2-5h10l2 5v4M3 12h18v5H3zM7 17v2M17 17v2M6.5 14.5h1M16.5 14.5h1',
  certificate: 'M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 14h7M9 17h3M16 16a1.5 1.5 0 1 0 .01 0',
  query: 'M5 4h10v6M5 4v16h7M8 8h4M8 12h2M15 12a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM18 19l3 3',
  shield: 'M12 3l8 3v6c0 4.5-3.5 8-8 9c-4.5-1-8-4.5-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  document: 'M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7',
  printer: 'M7 9V3h10v6M5 9h14a2 2 0 0 1 2 2v6h-4M7 17H3v-6a2 2 0 0 1 2-2M7 14h10v7H7z',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  offline: 'M2 8.8a15 15 0 0 1 20 0M5 12.3a10 10 0 0 1 14 0M8.5 15.8a5 5 0 0 1 7 0M12 19.5h.01M4 3l16 18',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3',
  priority: 'M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z',
  idCard: 'M3 5h18v14H3zM6 10a2 2 0 1 0 4 0a2 2 0 1 0-4 0M5.5 16c.5-1.5 1.5-2 2.5-2s2 .5 2.5 2M13 9h5M13 12h5M13 15h3',
  check: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM8 12l3 3 5-6',
  alert: 'M12 3l10 18H2zM12 10v5M12 18h.01',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 11v6M12 7.5h.01',
  textSize: 'M3 19l5-14 5 14M5 14h6M15 19l3.5-9 3.5 9M16 16h5',
  globe:
    'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  backspace: 'M9 5h11v14H9l-6-7zM12 9l5 6M17 9l-5 6',
  emblem:
    'M12 2l8 3v7c0 5-3.6 8.6-8 10c-4.4-1.4-8-5-8-10V5zM12 7l1.4 2.9 3.1.4-2.3 2.2.6 3.1-2.8-1.5-2.8 1.5.6-3.1-2.3-2.2 3.1-.4z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 48, title }: { name: IconName; size?: number; title?: string }): ReactElement {
  return (
    <svg
      className="yc-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={title === undefined ? undefined : 'img'}
      aria-hidden={title === undefined ? true : undefined}
      aria-label={title}
    >
      <path d={paths[name]} />
    </svg>
  );
}

/** The icon for a catalogue category, by its Chinese name (户政, 出入境 …). */
export function categoryIcon(category: string): IconName {
  if (/户|籍|身份/.test(category)) return 'household';
  if (/出入境|护照|港澳|台湾/.test(category)) return 'passport';
  if (/车|驾|交/.test(category)) return 'car';
  if (/证明/.test(category)) return 'certificate';
  if (/查询/.test(category)) return 'query';
  if (/治安|安/.test(category)) return 'shield';
  return 'document';
}
