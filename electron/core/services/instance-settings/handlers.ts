import type { Handlers } from '../../bridge/dispatcher';
import type { AccountsService } from '../accounts/accounts-service';
import type { JobRunner } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { createChat2DeskCompanySettings } from './chat2desk-company-settings';
import { createChatpushInstanceSettings } from './chatpush-instance-settings';
import { createGreenApiInstanceSettings } from './greenapi-instance-settings';

type InstanceSettingsHandlers = Pick<Handlers, Extract<keyof Handlers, `instancesettings.${string}`>>;

/** The Settings screen's calls. */
export function createInstanceSettingsHandlers(deps: { accounts: AccountsService; clients: ProviderClients; jobs: JobRunner }): InstanceSettingsHandlers {
  const greenapi = createGreenApiInstanceSettings(deps);
  const chatpush = createChatpushInstanceSettings(deps);
  const chat2desk = createChat2DeskCompanySettings(deps);
  return {
    'instancesettings.greenapiGet': (target) => greenapi.get(target),
    'instancesettings.greenapiSave': ({ changes, ...target }) => greenapi.save(target, changes),
    'instancesettings.greenapiCopy': (input) => greenapi.copy(input),
    'instancesettings.copyResults': ({ jobId }) => greenapi.copyResults(jobId),
    'instancesettings.chatpushList': ({ accountId }) => chatpush.list(accountId),
    'instancesettings.chatpushSave': ({ accountId, instanceId, changes }) => chatpush.save(accountId, instanceId, changes),
    'instancesettings.chatDeskGet': ({ accountId }) => chat2desk.get(accountId),
    'instancesettings.chatDeskSave': ({ accountId, changes }) => chat2desk.save(accountId, changes),
  };
}
