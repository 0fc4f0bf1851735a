import { defineMessages } from './define-messages';

/**
 * Why a provider call failed, by the reason main puts in the error's details (shared/error-reasons.ts): what
 * happened and the next step. errors/describe-error.ts picks `error.reason.<reason>` in place of the error code's
 * general sentence. {provider} is the provider's name; the other placeholders are the reason's params.
 */
export const errorReasonsMessages = defineMessages(
  {
    'error.reason.checksum_rejected':
      '{provider} rejected the idempotency checksum, so nothing was sent: the idempotency key saved in Switchboard is not the one {provider} holds for this client token. Copy the IDEMPOTENCY KEY from the personal account again, or send without a checksum.',
    'error.reason.duplicate_request':
      '{provider} has already received a request with exactly these parameters, so it was not processed again. Look the earlier delivery up instead of sending it again; to send another message, change a parameter such as the external id.',
    'error.reason.delete_not_delivered':
      '{provider} refused to delete delivery {deliveryId}: only deliveries in the final status “delivered” can be deleted. Wait until it is delivered, or look it up to check its status.',
    'error.reason.delete_wrong_channel':
      '{provider} refused to delete delivery {deliveryId}: only WhatsApp and Telegram (TDLib) messages can be deleted, not SMS or other channels. Nothing was deleted.',
    'error.reason.delete_not_found':
      '{provider} refused to delete delivery {deliveryId}: it does not exist, was not sent through the service, or is already deleted. Check the id and the client token.',
    'error.reason.delete_telegram_not_found':
      '{provider} refused to delete delivery {deliveryId}: the Telegram message does not exist or is already deleted. Look the delivery up to see its status.',
    'error.reason.instance_starting':
      '{provider} instance {idInstance} is starting. Try again in a few seconds, and reboot it if it stays starting for more than 5 minutes.',
    'error.reason.instance_not_authorized':
      '{provider} instance {idInstance} is starting or not authorized. Authorize it with a QR code or a pairing code first.',
    'error.reason.instance_expired': 'The paid period of {provider} instance {idInstance} has ended. Renew the instance in the GREEN-API console.',
    'error.reason.instance_deleted': '{provider} instance {idInstance} was deleted. Remove it from this account or create a new one.',
    'error.reason.request_closed':
      '{provider} reports the request to instance {idInstance} was closed before it finished (499). Try again with a longer timeout; if it keeps happening, contact GREEN-API support.',
    'error.reason.webhook_url_set':
      '{provider} will not hand out notifications over the HTTP API: instance {idInstance} has a webhook URL set. Clear the webhook URL in the instance settings and wait about a minute, or receive notifications at the webhook.',
    'error.reason.instance_still_creating':
      '{provider} still reports the instance as being created after 10 minutes, although creation takes up to 5. Check the instance in the GREEN-API personal account, or ask GREEN-API support.',
    'error.reason.pairing_code_refused': '{provider} could not issue a pairing code this time (it answered “status: false”, which asks for the request to be repeated).',
    'error.reason.connect_timeout': '{provider} could not be reached in time, so the request was not sent.',
    'error.reason.dropped_before_sent': 'The connection to {provider} dropped before the request was sent.',
  },
  {
    'error.reason.checksum_rejected':
      '{provider} отклонил контрольную сумму идемпотентности, поэтому ничего не отправлено: ключ идемпотентности, сохранённый в Switchboard, не тот, что {provider} хранит для этого клиентского токена. Скопируйте IDEMPOTENCY KEY из личного кабинета заново или отправьте без контрольной суммы.',
    'error.reason.duplicate_request':
      '{provider} уже получил запрос ровно с этими параметрами, поэтому повторно он не обработан. Найдите прежнюю доставку, а не отправляйте её ещё раз; чтобы отправить другое сообщение, измените параметр, например внешний id.',
    'error.reason.delete_not_delivered':
      '{provider} отказался удалить доставку {deliveryId}: удалить можно только доставку в финальном статусе «доставлено». Дождитесь доставки или найдите её, чтобы проверить статус.',
    'error.reason.delete_wrong_channel':
      '{provider} отказался удалить доставку {deliveryId}: удалить можно только сообщения WhatsApp и Telegram (TDLib), но не SMS и не другие каналы. Ничего не удалено.',
    'error.reason.delete_not_found':
      '{provider} отказался удалить доставку {deliveryId}: её нет, она отправлена не через сервис или уже удалена. Проверьте id и клиентский токен.',
    'error.reason.delete_telegram_not_found':
      '{provider} отказался удалить доставку {deliveryId}: сообщения Telegram нет или оно уже удалено. Найдите доставку, чтобы увидеть её статус.',
    'error.reason.instance_starting':
      'Инстанс {provider} {idInstance} запускается. Повторите через несколько секунд, а если он запускается дольше 5 минут, перезагрузите его.',
    'error.reason.instance_not_authorized':
      'Инстанс {provider} {idInstance} запускается или не авторизован. Сначала авторизуйте его по QR-коду или коду привязки.',
    'error.reason.instance_expired': 'Оплаченный период инстанса {provider} {idInstance} закончился. Продлите инстанс в консоли GREEN-API.',
    'error.reason.instance_deleted': 'Инстанс {provider} {idInstance} удалён. Уберите его из этого аккаунта или создайте новый.',
    'error.reason.request_closed':
      '{provider} сообщает, что запрос к инстансу {idInstance} был закрыт до завершения (499). Повторите с большим временем ожидания; если это повторяется, обратитесь в поддержку GREEN-API.',
    'error.reason.webhook_url_set':
      '{provider} не отдаёт уведомления через HTTP API: у инстанса {idInstance} задан URL вебхука. Очистите URL вебхука в настройках инстанса и подождите около минуты или принимайте уведомления на вебхук.',
    'error.reason.instance_still_creating':
      '{provider} через 10 минут всё ещё сообщает, что инстанс создаётся, хотя создание занимает до 5 минут. Проверьте инстанс в личном кабинете GREEN-API или обратитесь в поддержку GREEN-API.',
    'error.reason.pairing_code_refused': '{provider} не смог выдать код привязки в этот раз (ответил «status: false», что означает: повторите запрос).',
    'error.reason.connect_timeout': 'Не удалось вовремя подключиться к {provider}, поэтому запрос не отправлен.',
    'error.reason.dropped_before_sent': 'Соединение с {provider} оборвалось до отправки запроса.',
  },
);
