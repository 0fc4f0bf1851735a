export { ChattiApi } from './client';
export type { ChattiCredentials, ChattiProbeResult } from './client';
export type { ChattiListPage, ChattiPage } from './schemas';
export type { ChattiListParams, ChattiWorkbenchRequest } from './inputs';
export { REQUEST_LIMIT_BYTES as CHATTI_REQUEST_LIMIT_BYTES } from './inputs';
export type { ChattiWorkbenchResponse, WorkbenchBody } from './workbench';
