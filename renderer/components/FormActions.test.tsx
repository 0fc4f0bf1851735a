import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../i18n/translate';
import { FormActions } from './FormActions';

// The real English catalog; the settings store behind useT needs the window's bridge, absent here.
vi.mock('../i18n/use-t', () => ({ useT: () => createTranslator('en') }));

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe('FormActions', () => {
  it('shows the submit text, enabled, and no Cancel unless the form can be left', () => {
    const row = html(<FormActions submit="Save" />);
    expect(row).toBe('<div class="button-row"><button type="submit" class="button button-primary" aria-busy="false">Save</button></div>');
  });

  it('while busy: the submit is disabled, marked busy and says the busy text when there is one', () => {
    expect(html(<FormActions submit="Save" busy busyLabel="Saving…" />)).toContain('disabled="" aria-busy="true">Saving…</button>');
    expect(html(<FormActions submit="Save" busy />)).toContain('disabled="" aria-busy="true">Save</button>');
  });

  it('puts secondary buttons between submit and Cancel, and adds the row class', () => {
    const row = html(
      <FormActions submit="Save" onCancel={() => undefined} className="dialog-actions">
        <button type="button">Other</button>
      </FormActions>,
    );
    expect(row.startsWith('<div class="button-row dialog-actions">')).toBe(true);
    const order = ['>Save<', '>Other<', '>Cancel<'].map((text) => row.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
