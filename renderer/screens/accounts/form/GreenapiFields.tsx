import { useRef, useState } from 'react';
import type { GreenapiLineInstance } from '../../../../shared/greenapi-lines';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { emptyInstanceRow, newRowKey, type InstanceRow } from './account-form';
import { fieldId, fieldLabel } from './field-labels';
import { PasteSeveral } from './PasteSeveral';
import { secretProblem, savedRowPath, useFieldBinding, type ProviderFieldsProps } from './provider-fields';

const COLUMNS = ['label', 'idInstance', 'apiTokenInstance', 'apiUrl', 'mediaUrl'] as const;

/** A row nobody has typed into yet (the one a new account starts with): pasting replaces it. */
const isBlank = (row: InstanceRow) => !row.id && !row.label && !row.idInstance && !row.apiTokenInstance;

/** GREEN-API: each instance is its own credential (idInstance + apiTokenInstance, on its own hosts). */
export function GreenapiFields({ form, onChange, errors, saved }: ProviderFieldsProps<'greenapi'>) {
  const t = useT();
  const bind = useFieldBinding('greenapi', errors);
  const announce = useNoticeStore((state) => state.announce);
  const [pasting, setPasting] = useState(false);
  const pasteToggle = useRef<HTMLButtonElement>(null);
  const rows = form.instances;

  const setRow = (index: number, patch: Partial<InstanceRow>) =>
    onChange({ ...form, instances: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });

  const addPasted = (pasted: GreenapiLineInstance[]) => {
    const added = pasted.map(({ line: _line, ...instance }) => ({ ...instance, rowKey: newRowKey(), id: undefined, label: '' }));
    onChange({ ...form, instances: [...rows.filter((row) => !isBlank(row)), ...added] });
    setPasting(false);
    announce(t('greenapi.paste.added', { count: added.length }));
    pasteToggle.current?.focus();
  };

  return (
    <fieldset className="fieldset">
      <legend>{t('greenapi.instances')}</legend>
      <p className="field-hint">{t('greenapi.instancesHint')}</p>
      <div className="table-scroll">
        <table className="table instance-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {t(`greenapi.instance.${column}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const stored = saved?.instances.find((entry) => entry.id === row.id);
              return (
                <tr key={row.rowKey}>
                  <td>{index + 1}</td>
                  <td>
                    <TextField
                      {...bind(`instances.${index}.label`)}
                      hideLabel
                      value={row.label}
                      onChange={(label) => setRow(index, { label })}
                    />
                  </td>
                  <td>
                    <TextField
                      {...bind(`instances.${index}.idInstance`)}
                      hideLabel
                      inputMode="numeric"
                      value={row.idInstance}
                      onChange={(idInstance) => setRow(index, { idInstance })}
                      required
                    />
                  </td>
                  <td>
                    <SecretField
                      {...bind(`instances.${index}.apiTokenInstance`)}
                      hideLabel
                      value={row.apiTokenInstance}
                      onChange={(apiTokenInstance) => setRow(index, { apiTokenInstance })}
                      storedMask={stored?.apiTokenInstance.masked}
                      problem={secretProblem(saved, savedRowPath(saved?.instances, row.id, 'instances', 'apiTokenInstance'))}
                      required
                    />
                  </td>
                  <td>
                    <TextField
                      {...bind(`instances.${index}.apiUrl`)}
                      hideLabel
                      type="url"
                      value={row.apiUrl}
                      onChange={(apiUrl) => setRow(index, { apiUrl })}
                      required
                    />
                  </td>
                  <td>
                    <TextField
                      {...bind(`instances.${index}.mediaUrl`)}
                      hideLabel
                      type="url"
                      value={row.mediaUrl}
                      onChange={(mediaUrl) => setRow(index, { mediaUrl })}
                      required
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={t('common.removeNamed', { name: fieldLabel('greenapi', `instances.${index}`, t) })}
                      onClick={() => onChange({ ...form, instances: rows.filter((_, i) => i !== index) })}
                    >
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {errors.instances && <p className="field-error">{errors.instances}</p>}
      <div className="button-row">
        {/* Carries the list's id: "add at least one instance" in the error summary leads here. */}
        <button
          type="button"
          id={fieldId('instances')}
          className="button"
          onClick={() => onChange({ ...form, instances: [...rows, emptyInstanceRow()] })}
        >
          {t('greenapi.addInstance')}
        </button>
        <button type="button" ref={pasteToggle} className="button" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
          {t('greenapi.paste.open')}
        </button>
      </div>
      {pasting && (
        <PasteSeveral
          alreadyAdded={rows.map((row) => row.idInstance.trim()).filter(Boolean)}
          onAdd={addPasted}
          onCancel={() => {
            setPasting(false);
            pasteToggle.current?.focus();
          }}
        />
      )}
    </fieldset>
  );
}
