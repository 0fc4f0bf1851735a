import type { AuthInstance } from '../../../shared/auth';
import { describeError } from '../../errors/describe-error';
import { useT } from '../../i18n/use-t';
import { instanceName, otherIds } from './instance-name';
import { LinkBadge } from './LinkBadge';
import { TelegramBadge } from './TelegramBadge';

type InstancesTableProps = {
  instances: AuthInstance[];
  selected: ReadonlySet<string>;
  onSelect: (instance: AuthInstance, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  onAuthorize: (instance: AuthInstance) => void;
  onAction: (instance: AuthInstance, action: 'logout' | 'reboot') => void;
};

/** The instances of one account: select for the QR wall, authorize one, or log out / reboot it. */
export function InstancesTable({ instances, selected, onSelect, onSelectAll, onAuthorize, onAction }: InstancesTableProps) {
  const t = useT();
  const showTelegram = instances.some((instance) => instance.telegram !== null);
  const allSelected = instances.length > 0 && instances.every((instance) => selected.has(instance.target.instance));
  return (
    <div className="table-scroll">
      <table className="table auth-table">
        <caption className="visually-hidden">{t('authorize.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="select-cell">
              <input type="checkbox" checked={allSelected} onChange={(event) => onSelectAll(event.target.checked)} aria-label={t('authorize.table.selectAll')} />
            </th>
            <th scope="col">{t('authorize.table.instance')}</th>
            <th scope="col">{t('authorize.table.whatsapp')}</th>
            {showTelegram && <th scope="col">{t('authorize.table.telegram')}</th>}
            <th scope="col">{t('authorize.table.phone')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {instances.map((instance) => {
            const name = instanceName(instance, t);
            return (
              <tr key={instance.target.instance}>
                <td className="select-cell">
                  <input
                    type="checkbox"
                    checked={selected.has(instance.target.instance)}
                    onChange={(event) => onSelect(instance, event.target.checked)}
                    aria-label={t('authorize.table.select', { name })}
                  />
                </td>
                <th scope="row">
                  <span className="instance-name">{name}</span>
                  <span className="instance-ids muted">{otherIds(instance, name, t)}</span>
                </th>
                <td>
                  <LinkBadge state={instance.whatsapp} />
                  {instance.stateError && <p className="state-error">{describeError(instance.stateError, t)}</p>}
                </td>
                {showTelegram && (
                  <td>
                    <TelegramBadge state={instance.telegram} />
                  </td>
                )}
                <td className="mono phone-cell">{instance.phone ?? <span className="muted">{t('common.none')}</span>}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button button-primary" onClick={() => onAuthorize(instance)} aria-label={t('authorize.authorizeNamed', { name })}>
                      {t('authorize.authorize')}
                    </button>
                    {instance.actions.map((action) => (
                      <button key={action} type="button" className="button" onClick={() => onAction(instance, action)} aria-label={t(`authorize.instanceAction.${action}Named`, { name })}>
                        {t(`authorize.instanceAction.${action}`)}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
