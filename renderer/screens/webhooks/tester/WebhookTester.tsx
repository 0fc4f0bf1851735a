import type { AccountView } from '../../../../shared/accounts';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n/use-t';
import { useLoad } from '../../deliveries/common/use-load';
import { InspectPayloadForm } from './InspectPayloadForm';
import { SendSampleForm } from './SendSampleForm';

const loadSamples = () => call('webhooks.testerSamples', {});

/** The webhook tester: both directions of a webhook, without waiting for a real event. */
export function WebhookTester({ accounts }: { accounts: readonly AccountView[] }) {
  const t = useT();
  const samples = useLoad(loadSamples);
  return (
    <>
      <section aria-labelledby="tester-send-title">
        <h2 id="tester-send-title">{t('webhooks.tester.send.title')}</h2>
        {samples.error && <ErrorMessage error={samples.error} />}
        {samples.data && <SendSampleForm samples={samples.data} accounts={accounts} />}
      </section>
      <section aria-labelledby="tester-inspect-title">
        <h2 id="tester-inspect-title">{t('webhooks.tester.inspect.title')}</h2>
        <InspectPayloadForm accounts={accounts} />
      </section>
    </>
  );
}
