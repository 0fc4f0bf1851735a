export { httpJson, buildUrl, joinUrl, DEFAULT_TIMEOUT_MS } from './http-json';
export type { HttpJsonRequest, HttpJsonResponse, HttpMethod, QueryValue } from './http-json';
export type { ProviderDialect, ParsedBody, ProviderErrorInfo } from './dialect';
export { fieldMapIssues, issueText, plainTextMessage, htmlTitle } from './dialect';
export type { RetryOptions, Sleep } from './retry';
export type { TransportOptions, CallOptions } from './transport';
export { transportFields } from './transport';
export { IntLikeSchema, DecimalStringSchema } from './wire-types';
