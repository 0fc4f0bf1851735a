/** GREEN-API wire schemas (specs/greenapi.md); the domain types are their outputs. One file per method group. */
export * from './account-schemas';
export * from './settings-schemas';
export * from './qr-schemas';
export * from './notification-schemas';
export * from './journal-schemas';
export * from './queue-schemas';
export * from './quota-schemas';
export * from './sending-schemas';
