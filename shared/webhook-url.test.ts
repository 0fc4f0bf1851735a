import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, WebhookUrlSchema } from './webhook-url';

describe('webhook URLs', () => {
  it('expects https, allows http with a warning, and refuses credentials and other schemes', () => {
    expect(checkWebhookUrl('https://hooks.example.com/a')).toEqual({ problem: null, insecure: false });
    expect(checkWebhookUrl('http://hooks.example.com/a')).toEqual({ problem: null, insecure: true });
    expect(checkWebhookUrl('https://user:pw@hooks.example.com/')).toEqual({ problem: 'credentials_in_url', insecure: false });
    expect(checkWebhookUrl('https://user@hooks.example.com/').problem).toBe('credentials_in_url');
    expect(checkWebhookUrl('ftp://hooks.example.com/').problem).toBe('wrong_scheme');
    expect(checkWebhookUrl('hooks.example.com').problem).toBe('not_a_url');
    expect(WebhookUrlSchema.safeParse('http://127.0.0.1:9/cb').success).toBe(true);
    expect(WebhookUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
  });
});
