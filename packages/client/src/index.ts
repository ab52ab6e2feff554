export * from './hall-mirror.ts';
export * from './hub-connection.ts';
export * from './hub-store.ts';
