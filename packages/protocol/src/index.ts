export * from './config.ts';
export * from './entities.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './commands.ts';
export * from './results.ts';
export * from './rest.ts';
export * from './socket.ts';
