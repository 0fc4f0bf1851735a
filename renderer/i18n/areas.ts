/**
 * Message areas beyond the core catalog (en.ts / ru.ts): one file per screen, made with defineMessages.
 * Add a screen's messages here, once.
 */
export const areas = [] as const;
