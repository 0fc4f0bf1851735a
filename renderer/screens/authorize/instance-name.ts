import type { AuthInstance } from '../../../shared/auth';
import type { Translate } from '../../i18n/translate';

/** What the operator calls an instance: its label, else its external id, else its first provider id ("Customer 20322"). */
export function instanceName(instance: AuthInstance, t: Translate): string {
  if (instance.label) return instance.label;
  const first = instance.ids.find((id) => id.key === 'externalId') ?? instance.ids[0];
  return first ? t(`authorize.id.${first.key}`, { value: first.value }) : t('authorize.unnamed');
}

/** The instance's other provider ids, for telling it apart beside its name ("Customer 20322 · Instance 1125"). */
export function otherIds(instance: AuthInstance, name: string, t: Translate): string {
  return instance.ids
    .map((id) => t(`authorize.id.${id.key}`, { value: id.value }))
    .filter((text) => text !== name)
    .join(' · ');
}
