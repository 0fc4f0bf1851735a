import type { TesterExchange } from '../../../../shared/webhook-tester';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';

/** Both sides of a test delivery: what was sent (headers, exact body) and what the receiver answered. */
export function ExchangeView({ exchange }: { exchange: TesterExchange }) {
  const t = useT();
  const format = useFormat();
  const ok = exchange.response.status >= 200 && exchange.response.status < 300;
  return (
    <section className="card" aria-label={t('webhooks.tester.response')} data-testid="tester-result">
      <p className="status-line">
        <span className={`badge ${ok ? 'badge-ok' : 'badge-failed'}`}>
          <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
          {t('webhooks.tester.status', { status: exchange.response.status })}
        </span>{' '}
        <span className="muted">{t('webhooks.tester.latency', { ms: format.milliseconds(exchange.latencyMs) })}</span>
      </p>
      <p>{ok ? t('webhooks.tester.accepted') : t('webhooks.tester.notAccepted')}</p>
      <div className="field-grid">
        <div>
          <h3>{t('webhooks.tester.request')}</h3>
          <p className="mono">POST {exchange.request.url}</p>
          <HeaderTable headers={exchange.request.headers} label={`${t('webhooks.tester.request')}: ${t('webhooks.tester.headers')}`} />
          <p className="muted">{t('webhooks.tester.headersNote')}</p>
          <p className="field-label">{t('webhooks.tester.body')}</p>
          <pre className="pre" data-testid="tester-request-body">
            {exchange.request.body}
          </pre>
        </div>
        <div>
          <h3>{t('webhooks.tester.response')}</h3>
          <HeaderTable headers={exchange.response.headers} label={`${t('webhooks.tester.response')}: ${t('webhooks.tester.headers')}`} />
          <p className="field-label">{t('webhooks.tester.body')}</p>
          <pre className="pre" data-testid="tester-response-body">
            {exchange.response.body || t('webhooks.tester.emptyBody')}
          </pre>
          {exchange.response.truncated && <p className="muted">{t('webhooks.tester.truncated')}</p>}
        </div>
      </div>
    </section>
  );
}

function HeaderTable({ headers, label }: { headers: readonly [string, string][]; label: string }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table table-compact" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.tester.header')}</th>
            <th scope="col">{t('webhooks.tester.value')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map(([name, value], index) => (
            <tr key={`${name}-${index}`}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="mono">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
