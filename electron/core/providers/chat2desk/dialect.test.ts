import { describe, expect, it } from 'vitest';
import { Redactor } from '../../redactor';
import type { ParsedBody } from '../http';
import { errorFromStatus, type CallContext } from '../http/error-mapping';
import { chat2DeskDialect } from './dialect';

const json = (value: unknown): ParsedBody => ({ kind: 'json', value, text: JSON.stringify(value) });
const ctx: CallContext = {
  dialect: chat2DeskDialect,
  operation: 'op',
  action: 'doing it',
  host: 'api.chat2desk.com',
  credential: 'API token',
  redactor: new Redactor(),
  timeoutMs: 1000,
};
const errorFor = (status: number, value: unknown) => errorFromStatus(ctx, status, json(value));

describe('Chat2Desk error variants (spec A4), each read into a specific message', () => {
  it('1. per-field {text, error} lists, 400', () => {
    const error = errorFor(400, { message: 'bad_request', errors: { operator_id: [{ text: 'Parameter is required.', error: 'missing_parameter' }] }, status: 'error' });
    expect(error.code).toBe('provider_validation');
    expect(error.details.fields).toEqual([{ path: 'operator_id', message: 'Parameter is required.' }]);
    expect(error.message).toBe('Chat2Desk rejected the request as invalid (400) while doing it on api.chat2desk.com: operator_id Parameter is required.');
  });

  it('2. errors as an array, 400', () => {
    const error = errorFor(400, { message: 'bad_request', errors: [{ text: 'Could not transfer to operator 100.', error: 'not_found' }], status: 'error' });
    expect(error.code).toBe('provider_validation');
    expect(error.details.providerMessage).toBe('Could not transfer to operator 100.');
  });

  it('3. a 404 with the entity and id as a string', () => {
    const error = errorFor(404, { message: 'not_found', errors: 'Message #1 not found', status: 'error' });
    expect(error.code).toBe('provider_not_found');
    expect(error.message).toBe('Chat2Desk answered "not found" (404) while doing it on api.chat2desk.com. Chat2Desk said: "Message #1 not found".');
  });

  it('4. "not_found" sent as a 400 is still a not-found', () => {
    const error = errorFor(400, { message: 'not_found', errors: { text: 'Access rights id #11 not found' }, status: 'error' });
    expect(error.code).toBe('provider_not_found');
    expect(error.details).toMatchObject({ status: 400, providerMessage: 'Access rights id #11 not found' });
  });

  it('5. DELETE tickets: a 200 whose body says "error" is a failure, and a not-found', () => {
    const body = json({ message: 'bad_request', errors: { text: 'Ticket #1245654 not found', error: 'not_found' }, status: 'error' });
    expect(chat2DeskDialect.failedDespiteSuccess!(body)).toBe(true);
    expect(chat2DeskDialect.failedDespiteSuccess!(json({ status: 'success' }))).toBe(false);
    expect(chat2DeskDialect.failedDespiteSuccess!(json({ errors: [], status: 'success' }))).toBe(false);
    const error = errorFromStatus(ctx, 200, body);
    expect(error.code).toBe('provider_not_found');
    expect(error.message).toBe('Chat2Desk answered "not found" (200 with an error in the body) while doing it on api.chat2desk.com. Chat2Desk said: "Ticket #1245654 not found".');
  });

  it('6. "Client already exists" with the existing id folded in', () => {
    const error = errorFor(400, { message: 'bad_request', errors: { client: ['Client already exists', '{"id":50485}'] }, status: 'error' });
    expect(error.details.fields).toEqual([{ path: 'client', message: 'Client already exists (id 50485)' }]);
  });

  it('7. bare field maps with no envelope (operators, templates)', () => {
    expect(errorFor(400, { operators_limit: ['operators limit'] }).details.fields).toEqual([{ path: 'operators_limit', message: 'operators limit' }]);
    expect(errorFor(400, { access_rights_id: [{ error: 'Access rights not found for this company!' }] }).details.fields).toEqual([
      { path: 'access_rights_id', message: 'Access rights not found for this company!' },
    ]);
    const templates = errorFor(400, { name: ["Parameter 'name' cannot be empty and must not exceed 60 characters."], group_id: ['Cannot specify both groups_template_id and user_id'] });
    expect(templates.code).toBe('provider_validation');
    expect(templates.details.fields).toHaveLength(2);
  });

  it('8. messages/import: "failure" with nested per-field errors', () => {
    const body = { errors: [{ text: 'imported message with 2 attachments', errors: [{ attachment: ['must be a string'] }] }], status: 'failure' };
    expect(chat2DeskDialect.failedDespiteSuccess!(json(body))).toBe(true);
    const error = errorFor(400, body);
    expect(error.details.providerMessage).toBe('imported message with 2 attachments');
    expect(error.details.fields).toEqual([{ path: 'attachment', message: 'must be a string' }]);
  });

  it('the status decides for everything else (401, 429, 5xx), and plain text is read', () => {
    expect(errorFor(401, { message: 'unauthorized', errors: 'Invalid API token', status: 'error' }).code).toBe('auth_failed');
    expect(errorFor(429, { message: 'not_found', errors: 'x', status: 'error' }).code).toBe('rate_limited');
    expect(errorFromStatus(ctx, 500, { kind: 'text', text: 'Internal error' }).details.providerMessage).toBe('Internal error');
  });
});
