import { useT } from '../i18n/use-t';
import { SCREEN_IDS, screenHref, type ScreenId } from './screens';

export function Navigation({ current }: { current: ScreenId }) {
  const t = useT();
  return (
    <nav className="navigation" aria-label={t('nav.label')}>
      <ul>
        {SCREEN_IDS.map((screen, index) => {
          const shortcut = `Alt+${index + 1}`;
          return (
            <li key={screen}>
              <a href={screenHref(screen)} aria-current={screen === current ? 'page' : undefined} aria-keyshortcuts={shortcut}>
                <span>{t(`screen.${screen}.title`)}</span>
                <kbd aria-hidden="true">{shortcut}</kbd>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
