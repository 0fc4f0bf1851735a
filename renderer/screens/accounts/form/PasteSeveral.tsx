import { useState } from 'react';
import {
  parseGreenapiLines,
  type GreenapiLineInstance,
  type GreenapiLineProblem,
  type GreenapiLinesResult,
} from '../../../../shared/greenapi-lines';
import { GREENAPI_DEFAULT_HOSTS } from '../../../../shared/providers';
import { urlProblemText } from '../../../errors/url-problem-text';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';

type PasteSeveralProps = {
  /** idInstances already in the form, flagged rather than added twice. */
  alreadyAdded: readonly string[];
  onAdd: (instances: GreenapiLineInstance[]) => void;
  onCancel: () => void;
};

/** A paste of many instances, previewed line by line before anything joins the form. */
export function PasteSeveral({ alreadyAdded, onAdd, onCancel }: PasteSeveralProps) {
  const t = useT();
  const [text, setText] = useState('');
  // The preview belongs to the text it was made from: any edit asks for a new one.
  const [preview, setPreview] = useState<GreenapiLinesResult | null>(null);
  const ready = preview?.instances ?? [];

  return (
    <section className="paste-panel" aria-labelledby="greenapi-paste-title">
      <h3 id="greenapi-paste-title">{t('greenapi.paste.title')}</h3>
      <p id="greenapi-paste-format" className="field-hint">
        {t('greenapi.paste.format', GREENAPI_DEFAULT_HOSTS)}
      </p>
      <div className="field">
        <label htmlFor="greenapi-paste" className="field-label">
          {t('greenapi.paste.label')}
        </label>
        <textarea
          id="greenapi-paste"
          className="input textarea"
          rows={6}
          value={text}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="greenapi-paste-format"
          placeholder={'1101000001 8f3c…  https://1101.api.green-api.com\n1101000002;4be1…'}
          onChange={(event) => {
            setText(event.target.value);
            setPreview(null);
          }}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button" disabled={!text.trim()} onClick={() => setPreview(parseGreenapiLines(text, alreadyAdded))}>
          {t('greenapi.paste.preview')}
        </button>
      </div>

      {preview && (
        <div className="paste-preview">
          <p role="status">
            {t('greenapi.paste.summary', { count: ready.length })} {t('greenapi.paste.problemCount', { count: preview.problems.length })}
          </p>
          {ready.length > 0 && (
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">{t('greenapi.paste.readyCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('greenapi.paste.line')}</th>
                    <th scope="col">{t('greenapi.instance.idInstance')}</th>
                    <th scope="col">{t('greenapi.instance.apiTokenInstance')}</th>
                    <th scope="col">{t('greenapi.instance.apiUrl')}</th>
                    <th scope="col">{t('greenapi.instance.mediaUrl')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ready.map((instance) => (
                    <tr key={instance.line}>
                      <td>{instance.line}</td>
                      <td>{instance.idInstance}</td>
                      {/* The token is not shown back in full, as everywhere else. */}
                      <td className="mono">{`••••${instance.apiTokenInstance.slice(-4)}`}</td>
                      <td className="mono">{instance.apiUrl}</td>
                      <td className="mono">{instance.mediaUrl}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.problems.length > 0 && (
            <ul className="problem-list" aria-label={t('greenapi.paste.problemsLabel')}>
              {preview.problems.map((problem) => (
                <li key={`${problem.line}-${problem.code}`}>
                  {t('greenapi.paste.lineProblem', { line: problem.line, problem: problemText(problem, t) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="button-row">
        <button type="button" className="button button-primary" disabled={ready.length === 0} onClick={() => onAdd(ready)}>
          {t('greenapi.paste.add', { count: ready.length })}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

function problemText(problem: GreenapiLineProblem, t: Translate): string {
  switch (problem.code) {
    case 'too_few_fields':
      return t('greenapi.paste.tooFew', { count: problem.found });
    case 'too_many_fields':
      return t('greenapi.paste.tooMany', { count: problem.found });
    case 'invalid_id_instance':
      return t('greenapi.paste.badId', { value: problem.value });
    case 'invalid_token':
      return t('greenapi.paste.badToken');
    case 'invalid_api_url':
      return t('greenapi.paste.badApiUrl', { value: problem.value, reason: urlProblemText(problem.reason, t) });
    case 'invalid_media_url':
      return t('greenapi.paste.badMediaUrl', { value: problem.value, reason: urlProblemText(problem.reason, t) });
    case 'duplicate':
      return t('greenapi.paste.duplicate', { idInstance: problem.idInstance, line: problem.firstLine });
    case 'already_added':
      return t('greenapi.paste.alreadyAdded', { idInstance: problem.idInstance });
  }
}
