export * from './hall-mirror.ts';
export * from './hub-connection.ts';
export * from './hub-store.ts';
export * from './hub-clock.ts';
