import type { GreenApiRuleFinding } from '../../../../shared/greenapi-notification-rules';
import { useT } from '../../../i18n/use-t';

/**
 * What GREEN-API's documented switch combinations say about the values being edited, read out as they change.
 * Shared by the Webhooks and Settings screens, which edit the same switches.
 */
export function NotificationFindings({ findings, testId }: { findings: readonly GreenApiRuleFinding[]; testId: string }) {
  const t = useT();
  return (
    <ul className="findings" aria-live="polite" data-testid={testId}>
      {findings.map((finding) => (
        <li key={finding.rule} className={`message ${finding.severity === 'warning' ? 'message-warning' : 'message-info'}`}>
          {t(`webhooks.ga.rule.${finding.rule}`)}
        </li>
      ))}
    </ul>
  );
}
