import { describe, expect, it } from 'vitest';
import { parseDeliveryIds } from './delivery-ids';

describe('parseDeliveryIds', () => {
  it('reads ids separated any common way, keeps first-seen order, counts duplicates and reports the rest', () => {
    expect(parseDeliveryIds('94396942, 94396943;94396944\n94396942 abc\t 0  -5')).toEqual({
      ids: [94396942, 94396943, 94396944],
      invalid: ['abc', '0', '-5'],
      duplicates: 1,
    });
  });

  it('takes only the id column of a CSV that names one', () => {
    const csv = 'phone;delivery_id;sum\r\n"+995598464533";"94396942";"0.00"\r\n+995598464534;94396943;2.50\r\n';
    expect(parseDeliveryIds(csv)).toEqual({ ids: [94396942, 94396943], invalid: [], duplicates: 0 });
  });

  it('is empty for blank text', () => {
    expect(parseDeliveryIds(' \n\n ')).toEqual({ ids: [], invalid: [], duplicates: 0 });
  });
});
