export * from './download';
export * from './envelope';
export * from './errors';
export * from './limiter';
export * from './pagination';
export * from './request';
export * from './retry';
export * from './url';
