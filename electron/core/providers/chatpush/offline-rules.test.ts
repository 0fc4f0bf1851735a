import { describe, expect, it } from 'vitest';
import { CHATPUSH_BRAND_HOSTS } from '../../../../shared/providers';
import { AppError } from '../../app-error';
import { DELIVERY_STATUSES, deliveryStatus, isFinalDeliveryStatus } from '../../../../shared/chatpush-delivery-statuses';
import { chatpushHosts } from './hosts';
import { iframeDialogUrl } from './iframe-dialog';
import { customerIdFromToken } from './jwt';
import { isAllowedSendFileMime, mimeFromFileName } from './send-file-rules';

describe('customer id from the client token (§4.5)', () => {
  it('reads the claim of the documented create example without checking the signature', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcl9pZCI6MjAzMjIsImRhdGV0aW1lIjoxNzAxMDgyNjk4fQ.R4rmzpSNC2rSGk5QQfTooK3I3niDMYclz-6uFmD7-Vg';
    expect(customerIdFromToken(token)).toBe(20322);
    // §4.5 ⚠ truncated signatures in the examples do not matter: the payload is what is read.
    expect(customerIdFromToken('eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcl9pZCI6MTA4MywiZGF0ZXRpbWUiOjE3NDkzMTg3MDl9.--9FYWaoc6P09r7gUlp7BoZZ')).toBe(1083);
  });

  it('refuses the corrupted list token of the docs and non-JWTs with an invalid_input naming the provider', () => {
    for (const token of ['eyJhbGciOiJIUzI1NiJ9.eyJjdXN0CI6NzEyLCJkYXRldGltZSI6MTcxOTgzNjc4Mn0.7UUCZCWDwvSBGUlZ44twU2Jdbt0CY', 'not-a-jwt']) {
      const error = (() => {
        try {
          customerIdFromToken(token, 'Jetapi');
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
      expect((error as AppError).message).toMatch(/^The Jetapi client token is not a JWT with a customer_id claim/);
      expect((error as AppError).message).not.toContain(token);
    }
  });
});

describe('brand hosts (§1.3)', () => {
  it('uses the preset and lets each host be overridden', () => {
    expect(chatpushHosts('jetapi')).toEqual(CHATPUSH_BRAND_HOSTS.jetapi);
    expect(chatpushHosts('chategy', { rest: 'https://api.chatpush.ru', root: '' })).toEqual({ ...CHATPUSH_BRAND_HOSTS.chategy, rest: 'https://api.chatpush.ru' });
  });

  it('needs every host for a custom brand', () => {
    expect(() => chatpushHosts('custom', { rest: 'https://api.example.test' })).toThrow(/set root, whatsappWs, telegramWs/);
  });
});

describe('delivery status dictionary (§6.10)', () => {
  it('has Jetapi\'s 62 rows, Chategy\'s 56 plus six Jetapi-only ones, with the documented finality', () => {
    expect(DELIVERY_STATUSES).toHaveLength(62);
    expect(DELIVERY_STATUSES.filter((status) => status.jetapiOnly).map((status) => status.id)).toEqual([38, 52, 53, 56, 57, 58]);
    expect(new Set(DELIVERY_STATUSES.map((status) => status.id)).size).toBe(62);
    expect(DELIVERY_STATUSES.filter((status) => !status.final).map((status) => status.id)).toEqual([1, 6, 14, 15, 21, 46]);
    expect(isFinalDeliveryStatus(2) && isFinalDeliveryStatus(16)).toBe(true);
    expect(isFinalDeliveryStatus(999)).toBe(false);
    expect(deliveryStatus(49)).toMatchObject({ name: 'aggregate_forbidden', description: 'Forbidden' });
  });
});

describe('send_file rules (§6.6)', () => {
  it('allows the listed types case-insensitively, both PowerPoint spellings, and guesses from the extension', () => {
    expect(isAllowedSendFileMime('audio/amr')).toBe(true);
    expect(isAllowedSendFileMime('application/pdf; charset=binary')).toBe(true);
    expect(isAllowedSendFileMime('application/vnd.openxmlformats-officedocument.presentationml.presentation')).toBe(true);
    expect(isAllowedSendFileMime('image/gif')).toBe(false);
    expect(mimeFromFileName('report.DOCX')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(mimeFromFileName('noextension')).toBeUndefined();
  });
});

describe('iFrame open-dialog address (§7.1)', () => {
  it('adds the chat to the generated link', () => {
    const url = iframeDialogUrl('https://api.jetapi.io/developer_chat?customer_id=23&hash=23m2jl', { phone: '9959000000000', chatOnly: true, desktop: false });
    expect(url).toBe('https://api.jetapi.io/developer_chat?customer_id=23&hash=23m2jl&phone=9959000000000&chat_only=true&desktop=0');
  });
});
