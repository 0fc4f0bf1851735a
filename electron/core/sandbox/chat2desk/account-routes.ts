import type { Route } from './router';
import { pageParams } from './router';
import { transportsResponse } from './transports';
import { acknowledged, fieldError, missing, success } from './wire';
import type { Chat2DeskChannelRecord } from './world';

/** A2 `help/api_modes`, word for word (the "translation missing" included). */
const API_MODES = [
  { name: 'locked', description: 'translation missing: ru.modes.locked' },
  { name: 'demo', description: '10000 requests per month' },
  { name: 'normal', description: '250000 requests per month' },
  { name: 'unlimited', description: 'unlimited requests per month' },
];

function channelWire(channel: Chat2DeskChannelRecord) {
  return {
    id: channel.id,
    name: channel.name,
    phone: channel.phone,
    transports: channel.transports,
    whatsapp_daily_new_clients_limit: channel.whatsappDailyNewClientsLimit,
  };
}

/** Account-level endpoints (A2, A7; C6). */
export const accountRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/companies\/api_info$/,
    handle: ({ world }) => {
      const c = world.company;
      // A7: the exact keys of the documented example, including the companyID/partnerID casing.
      return success({
        companyID: c.companyId,
        partnerID: c.partnerId,
        partner_type: c.partnerType,
        company_mode: c.companyMode,
        hook: null,
        hook_preferences: null,
        current_version: c.currentVersion,
        channels: world.channels.length,
        company_name: c.companyName,
        company_lang: c.companyLang,
        admin_email: c.adminEmail,
        custom_info: c.customInfo,
        write_first_option: c.writeFirstOption,
        domain_urls: c.domainUrls,
        api_calls: {
          used_this_month: c.apiCalls.usedThisMonth,
          left_free_requests: c.apiCalls.leftFreeRequests,
          left_paid_requests: c.apiCalls.leftPaidRequests,
        },
      });
    },
  },
  { method: 'GET', pattern: /^\/v1\/help\/api_modes$/, handle: () => success(API_MODES) },
  { method: 'GET', pattern: /^\/v1\/help\/transports$/, handle: () => transportsResponse() },
  {
    method: 'GET',
    pattern: /^\/v1\/channels$/,
    handle: ({ req, world }) => {
      const page = pageParams(req);
      if ('status' in page) return page;
      // C3: meta echoes the effective limit and offset.
      return success(world.channels.slice(page.offset, page.offset + page.limit).map(channelWire), {
        meta: { total: world.channels.length, limit: page.limit, offset: page.offset },
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/companies\/info$/,
    handle: ({ world }) =>
      success({
        id: world.company.companyId,
        name: world.company.companyName,
        workingHours: world.company.workingHours,
        timezone: world.company.timezone,
        online: world.company.online,
      }),
  },
  {
    // A7 switch_mode: `{"mode":"online"|"offline"}`. [GAP] the answer: `{"status":"success"}` as other writes.
    method: 'PUT',
    pattern: /^\/v1\/companies\/switch_mode$/,
    handle: ({ param, world }) => {
      const mode = param('mode');
      if (mode === undefined) return missing('mode');
      if (mode !== 'online' && mode !== 'offline') return fieldError('mode', "Only 'online' or 'offline' are allowed.", 'unsupported_value');
      world.company.online = mode === 'online';
      return acknowledged();
    },
  },
  {
    // A7 PUT companies: `{"custom_fields":{"1":…,"2":…,"3":…}}`, read back as api_info custom_info.
    method: 'PUT',
    pattern: /^\/v1\/companies$/,
    handle: ({ body, world }) => {
      const fields = body.custom_fields;
      if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return missing('custom_fields');
      const entries = Object.entries(fields as Record<string, unknown>);
      const wrong = entries.find(([key, value]) => !['1', '2', '3'].includes(key) || typeof value !== 'string');
      if (wrong) return fieldError('custom_fields', `Field '${wrong[0]}' must be one of 1, 2, 3 with a text value.`, 'unsupported_value');
      world.company.customInfo = { ...world.company.customInfo, ...Object.fromEntries(entries as [string, string][]) };
      return acknowledged();
    },
  },
  {
    // A7 qr_decode. [GAP] the answer: `{"data":{"text":…}}` chosen; the sandbox reads no images, it knows the URLs
    // the controls registered.
    method: 'POST',
    pattern: /^\/v1\/qr_decode$/,
    handle: ({ param, world }) => {
      const imagePath = param('image_path');
      if (typeof imagePath !== 'string' || !imagePath) return missing('image_path');
      const text = world.qrImages[imagePath];
      if (text === undefined) return fieldError('image_path', 'Could not decode a QR code from this image.', 'unsupported_value');
      return success({ text });
    },
  },
];
