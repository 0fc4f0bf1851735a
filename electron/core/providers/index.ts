export { testAccountConnection, DEFAULT_CHECK_CONCURRENCY } from './connection-test';
export type { ConnectionTestOptions } from './connection-test';
export * from './chatpush';
export * from './chatpush/phoenix';
export * from './greenapi';
export * from './chat2desk';
export * from './chatti';
export type { TransportOptions, CallOptions, RetryOptions, ProxyConfig, ProxySource } from './http';
export { closeProxyDispatchers } from './http';
