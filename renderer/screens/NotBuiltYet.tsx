import { useT } from '../i18n/use-t';
import type { ScreenId } from '../shell/screens';

/** Screens later work fills in: say so plainly, and what the screen will do. */
export function NotBuiltYet({ screen }: { screen: Exclude<ScreenId, 'accounts' | 'audit'> }) {
  const t = useT();
  return (
    <section className="not-built" data-testid="not-built-yet">
      <p className="not-built-status">{t('screen.notBuiltYet')}</p>
      <p>{t(`screen.${screen}.plan`)}</p>
    </section>
  );
}
