/** The <main> region: target of the skip link, and where focus lands when its previous holder disappears. */
export const MAIN_REGION_ID = 'main';
