import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { MetaSchema } from './schemas';

/**
 * §4.3 Telegram Bot auth: `{"telegram_bot":{bot_link, instance_id, menu_link, menu_title, status:"running"}}`.
 * ⚠ The example answers instance_id 348 to a request for 374 and a menu_link to an empty one: the answer is
 * reported as given, never compared with the request.
 */
export const TelegramBotEnvelopeSchema = z
  .object({
    meta: MetaSchema.optional(),
    telegram_bot: z.object({
      bot_link: z.string().nullish(),
      instance_id: IntLikeSchema,
      menu_link: z.string().nullish(),
      menu_title: z.string().nullish(),
      status: z.string().nullish(),
    }),
  })
  .transform(({ telegram_bot: bot }) => ({
    botLink: bot.bot_link ?? null,
    instanceId: bot.instance_id,
    menuLink: bot.menu_link || null,
    menuTitle: bot.menu_title || null,
    status: bot.status ?? null,
  }));
export type ChatpushTelegramBot = z.output<typeof TelegramBotEnvelopeSchema>;
