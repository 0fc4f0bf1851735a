import { describe, expect, it } from 'vitest';
import { DELIVERY_ADVICE, DELIVERY_STATUSES } from '../../../../shared/chatpush-delivery-statuses';
import { deliveriesMessages } from '../../../i18n/deliveries.messages';

/** Every documented status and advice group has words in both languages (a key per id is not type-checked). */
describe('delivery status words', () => {
  it('has a meaning for every status of §6.10 in English and Russian', () => {
    for (const status of DELIVERY_STATUSES) {
      const key = `deliveries.meaning.${status.id}` as keyof typeof deliveriesMessages.en;
      expect(deliveriesMessages.en[key], `${status.id}`).toBeTruthy();
      expect(deliveriesMessages.ru[key], `${status.id}`).toBeTruthy();
    }
    const meaningKeys = Object.keys(deliveriesMessages.en).filter((key) => key.startsWith('deliveries.meaning.'));
    expect(meaningKeys).toHaveLength(DELIVERY_STATUSES.length);
  });

  it('has advice for every group, and every group is used', () => {
    for (const advice of DELIVERY_ADVICE) expect(deliveriesMessages.ru[`deliveries.advice.${advice}`]).toBeTruthy();
    expect(new Set(DELIVERY_STATUSES.map((status) => status.advice))).toEqual(new Set(DELIVERY_ADVICE));
  });
});
