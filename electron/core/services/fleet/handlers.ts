import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../../shared/contract';
import type { Handlers } from '../../bridge/dispatcher';
import { createBalancesService } from '../balances/balances-service';
import { balanceHandlers } from '../balances/handlers';
import type { Logger } from '../../log';
import type { KeyValueStore } from '../../ports';
import type { JobRunner } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { createFleetService, type FleetDeps, type FleetService } from './fleet-service';
import type { FleetAccounts } from './refresh';

type FleetHandlers = Pick<
  Handlers,
  'fleet.refresh' | 'fleet.query' | 'fleet.keys' | 'fleet.bulk' | 'fleet.bulkResults' | 'fleet.exportCsv' | 'fleet.getView' | 'fleet.setView'
>;

/** The fleet.* calls, straight onto the service. */
export function fleetHandlers(fleet: FleetService): FleetHandlers {
  return {
    'fleet.refresh': ({ accountIds }) => fleet.refresh(accountIds),
    'fleet.query': (input) => fleet.query(input),
    'fleet.keys': ({ filter }) => ({ keys: fleet.keys(filter) }),
    'fleet.bulk': ({ action, keys }) => fleet.bulk(action, keys),
    'fleet.bulkResults': ({ jobId, from }) => fleet.bulkResults(jobId, from),
    'fleet.exportCsv': (input) => fleet.exportCsv(input),
    'fleet.getView': () => fleet.view.get(),
    'fleet.setView': (patch) => fleet.view.update(patch),
  };
}

export interface FleetAreaDeps {
  accounts: FleetAccounts;
  clients: ProviderClients;
  jobs: JobRunner;
  store: KeyValueStore;
  /** Where the fleet between sessions and the balance snapshots are kept. */
  dataDir: string;
  audit: FleetDeps['audit'];
  emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void;
  log: Logger;
}

/**
 * The fleet and the balances built on it, as create-core wires them: their calls, the saved fleet if it had to be
 * moved aside at start-up (reported with the other quarantined files), and the last save on the way out.
 */
export function createFleetArea(deps: FleetAreaDeps) {
  const fleet = createFleetService({ ...deps, file: join(deps.dataDir, 'fleet.json'), changed: (revision) => deps.emit('fleet.changed', { revision }) });
  const balances = createBalancesService({ ...deps, fleet, alerted: (alerts) => deps.emit('balances.alerted', { alerts }) });
  return {
    handlers: { ...fleetHandlers(fleet), ...balanceHandlers(balances) },
    quarantined: fleet.quarantined,
    dispose: () => fleet.flush(),
  };
}
