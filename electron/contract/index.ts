export * from './activity';
export * from './app';
export * from './errors';
export * from './hygiene';
export * from './ipc';
export * from './keys';
export * from './servers';
export * from './settings';
