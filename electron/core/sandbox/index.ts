export { startSandbox, demoCredentials } from './sandbox';
export type { Sandbox, SandboxOptions, SandboxUrls, SandboxDemo } from './sandbox';
export type { Fault, FaultEffect } from './faults';
export type { RecordedRequest } from './http-server';
export { createSandboxState, DEFAULT_SANDBOX_SEED } from './state';
export type * from './state';
export { sandboxAccountDrafts } from './demo-drafts';
