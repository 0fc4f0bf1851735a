import { createHash } from 'node:crypto';
import type { SandboxResponse } from '../http-server';
import { formatPhone } from './operators';
import type { CustomerContext, Route, RouteContext } from './router';
import { notFound, success, unprocessable } from './wire';
import { instanceById } from './world';

/**
 * §4.4 MAX: send_phone → an SMS code (controls read it: `maxCode`), send_code → authorized, close_session. The
 * 422 texts are the documented ones.
 */
function maxSendPhone({ query, world, customer }: CustomerContext): SandboxResponse {
  const raw = query.filled('phone');
  if (!raw) return unprocessable({ phone: ["Phone number can't be blank"] });
  const phone = formatPhone(raw);
  if (!phone) return unprocessable({ phone: ['Phone number has invalid format'] });
  // The code is derived from the customer and phone, so a seed always gives the same code.
  const digest = createHash('sha256').update(`${world.jwtSecret}:${customer.customerId}:${phone}`).digest();
  const code = String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
  world.maxSessions = world.maxSessions.filter((session) => session.customerId !== customer.customerId);
  world.maxSessions.push({ customerId: customer.customerId, phone, code, state: 'wait_code' });
  return success();
}

function maxSendCode({ query, world, customer }: CustomerContext): SandboxResponse {
  const code = query.filled('code');
  if (!code) return unprocessable({ code: ["code can't be blank"] });
  const session = world.maxSessions.find((candidate) => candidate.customerId === customer.customerId);
  if (!session || session.state !== 'wait_code' || session.code !== code) return unprocessable({ confirmation_code: ['confirmation code invalid'] });
  session.state = 'authorized';
  return success();
}

function maxCloseSession({ world, customer }: CustomerContext): SandboxResponse {
  const had = world.maxSessions.some((session) => session.customerId === customer.customerId);
  if (!had) return unprocessable({ max_session_closer: ['max_session_closer session_not_found'] });
  world.maxSessions = world.maxSessions.filter((session) => session.customerId !== customer.customerId);
  return success();
}

/**
 * §4.3 Telegram Bot auth ([J-corp], api_key). menu_title and menu_link require each other; the documented 422
 * is the Russian "site link cannot be empty". ⚠ The wording of the other refusals is the sandbox's.
 */
function telegramBot({ query, world }: RouteContext): SandboxResponse {
  const instanceId = Number(query.text('instance_id'));
  const apiToken = query.filled('api_token');
  const menuTitle = query.filled('menu_title');
  const menuLink = query.filled('menu_link');
  const errors: Record<string, string[]> = {};
  if (!apiToken) errors.api_token = ['Токен не может быть пустым'];
  else if (!/^\d+:[\w-]{20,}$/.test(apiToken)) errors.api_token = ['Неверный токен бота'];
  if (menuTitle && !menuLink) errors.menu_link = ['Ссылка на сайт не может быть пустым'];
  if (menuLink && !menuTitle) errors.menu_title = ['Название меню не может быть пустым'];
  if (Object.keys(errors).length > 0) return unprocessable(errors);
  const instance = instanceById(world, instanceId);
  if (!instance) return notFound();
  const name = createHash('sha256').update(apiToken!).digest('hex').replace(/\d/g, '').slice(0, 7) || 'sandbox';
  const bot = { instanceId, apiToken: apiToken!, botLink: `https://t.me/${name}_bot`, menuTitle, menuLink, status: 'running' as const };
  world.telegramBots = world.telegramBots.filter((candidate) => candidate.instanceId !== instanceId);
  world.telegramBots.push(bot);
  return success({
    telegram_bot: { bot_link: bot.botLink, instance_id: instanceId, menu_link: menuLink ?? '', menu_title: menuTitle ?? '', status: bot.status },
  });
}

export const messengerRoutes: Route[] = [
  { method: 'POST', pattern: /^\/api\/v1\/max\/send_phone$/, auth: 'customer', handle: maxSendPhone },
  { method: 'POST', pattern: /^\/api\/v1\/max\/send_code$/, auth: 'customer', handle: maxSendCode },
  { method: 'POST', pattern: /^\/api\/v1\/max\/close_session$/, auth: 'customer', handle: maxCloseSession },
  { method: 'POST', pattern: /^\/developer\/v1\/telegram_bots$/, auth: 'developer', handle: telegramBot },
];
