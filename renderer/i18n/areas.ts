/**
 * Message areas beyond the core catalog (en.ts / ru.ts): one file per screen, made with defineMessages.
 * Add a screen's messages here, once.
 */
import { deliveriesMessages } from './deliveries.messages';
import { webhooksMessages } from './webhooks.messages';
import { auditMessages } from './audit.messages';
import { authorizeMessages } from './authorize.messages';
import { instancesMessages } from './instances.messages';
import { balancesMessages } from './balances.messages';
import { workbenchMessages } from './workbench.messages';
import { settingsMessages } from './settings.messages';
import { fieldsMessages } from './fields.messages';
import { errorReasonsMessages } from './error-reasons.messages';
import { networkMessages } from './network.messages';
import { sandboxControlsMessages } from './sandbox-controls.messages';

export const areas = [instancesMessages, balancesMessages, deliveriesMessages, webhooksMessages, workbenchMessages, auditMessages, authorizeMessages, settingsMessages, fieldsMessages, errorReasonsMessages, networkMessages, sandboxControlsMessages] as const;
