/** Which client token of which account a Chategy/Jetapi delivery call uses. */
export type ClientTarget = { accountId: string; tokenId: string };
