import 'server-only';

/** The Iamport (PortOne V1) adapter: typed client, its errors, and the API's types. No database. */
export { IamportClient } from './client';
export * from './errors';
export type * from './types';
