export * from './strings.ts';
export * from './format-wait.ts';
export * from './icons.tsx';
export * from './big-button.tsx';
export * from './status-banner.tsx';
export * from './keypad.tsx';
export * from './clock.tsx';
export * from './qr-code.tsx';
