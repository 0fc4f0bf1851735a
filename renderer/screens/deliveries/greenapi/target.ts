/** Which instance of which GREEN-API account a call uses. */
export type InstanceTarget = { accountId: string; instanceId: string };
