import type { ChecksumPreview as Preview } from '../../../../shared/deliveries';
import { useT } from '../../../i18n/use-t';

/** §6.8 step by step: the parameters sorted by key, their values joined, and the HMAC-SHA256 that goes in `checksum`. */
export function ChecksumPreview({ preview }: { preview: Preview }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="checksum-title" data-testid="checksum-preview">
      <h2 id="checksum-title">{t('deliveries.test.checksum.title')}</h2>
      <div className="table-scroll">
        <table className="table table-compact" aria-label={t('deliveries.test.checksum.parameters')}>
          <thead>
            <tr>
              <th scope="col">{t('deliveries.test.checksum.name')}</th>
              <th scope="col">{t('deliveries.test.checksum.value')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.parameters.map((parameter) => (
              <tr key={parameter.name}>
                <th scope="row" className="mono">
                  {parameter.name}
                </th>
                <td className="mono">{parameter.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <dt>{t('deliveries.test.checksum.source')}</dt>
        <dd className="mono" data-testid="checksum-source">
          {preview.source}
        </dd>
        {preview.checksum && (
          <>
            <dt>{t('deliveries.test.checksum.digest')}</dt>
            <dd className="mono" data-testid="checksum-value">
              {preview.checksum}
            </dd>
          </>
        )}
      </dl>
      {!preview.checksum && <p className="message message-warning">{t('deliveries.test.checksum.none')}</p>}
    </section>
  );
}
