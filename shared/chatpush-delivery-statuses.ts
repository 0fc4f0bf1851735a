/**
 * Every Chategy/Jetapi delivery status of spec §6.10 as plain data (no imports: main, the sandbox and the renderer
 * share this one copy). `description` is the short English text the API puts in `status_description` /
 * `status.description` (only "Accepted" (6) and "Forbidden" (49) are shown in the examples; the others are titled
 * from the table); `meaning` is the table's explanation. `jetapiOnly` marks the six rows only Jetapi's table has (ᴶ).
 * `advice` groups statuses by what the operator should do next; the words for each group (and each status's
 * meaning) live in the renderer's message catalogue, in English and Russian.
 *
 * ⚠ §6.10: `read` and `delivered` are both final; id 49's table name is "Prohibited" while the lookup example
 * describes it as "Forbidden" (the example wins: it is what the wire carries).
 */
export const DELIVERY_ADVICE = [
  'wait',
  'none',
  'moderation',
  'recipientUnreachable',
  'operatorError',
  'platformError',
  'checkNumber',
  'blocked',
  'topUp',
  'slowDown',
  'changeText',
  'sendingHours',
  'renewSubscription',
  'checkParameters',
  'senderName',
  'authorizeWhatsapp',
  'authorizeTelegram',
  'authorizeWaba',
] as const;
export type DeliveryAdvice = (typeof DELIVERY_ADVICE)[number];

/** Where a status leaves the message: still on its way, delivered (or read), failed, or stopped on purpose. */
export type DeliveryOutcome = 'pending' | 'delivered' | 'failed' | 'stopped';

export interface DeliveryStatusInfo {
  id: number;
  name: string;
  description: string;
  final: boolean;
  jetapiOnly: boolean;
  meaning: string;
  advice: DeliveryAdvice;
  outcome: DeliveryOutcome;
}

type Row = [id: number, name: string, description: string, final: 'F' | 'I', meaning: string, advice: DeliveryAdvice, jetapiOnly?: 'J'];

const ROWS: Row[] = [
  [0, 'telecommunication_company_error', 'Operator error', 'F', 'operator error', 'operatorError'],
  [1, 'enroute', 'Enroute', 'I', 'passed to the operator', 'wait'],
  [2, 'delivered', 'Delivered', 'F', 'delivered', 'none'],
  [3, 'expired', 'Expired', 'F', 'expired (out of coverage or memory full)', 'recipientUnreachable'],
  [4, 'deleted', 'Deleted', 'F', 'deleted', 'none'],
  [5, 'undeliverable', 'Undeliverable', 'F', 'recipient offline or blocked', 'recipientUnreachable'],
  [6, 'accepted', 'Accepted', 'I', 'accepted by the service', 'wait'],
  [7, 'unknown', 'Unknown', 'F', 'unknown operator error', 'operatorError'],
  [8, 'rejected', 'Rejected', 'F', 'rejected by the operator', 'operatorError'],
  [9, 'internal_server_error', 'Internal server error', 'F', 'server error', 'platformError'],
  [10, 'unhandled_error', 'Unhandled error', 'F', 'unhandled operator error', 'operatorError'],
  [11, 'incorrect_number', 'Incorrect number', 'F', 'invalid number', 'checkNumber'],
  [12, 'forbidden', 'Forbidden', 'F', 'forbidden (duplicates, flood, blacklist, spam or sender)', 'blocked'],
  [13, 'not_enough_money', 'Not enough money', 'F', 'insufficient funds', 'topUp'],
  [14, 'waiting_for_sending', 'Waiting for sending', 'I', 'queued', 'wait'],
  [15, 'in_progress', 'In progress', 'I', 'processing', 'wait'],
  [16, 'read', 'Read', 'F', 'read', 'none'],
  [17, 'too_many_requests', 'Too many requests', 'F', 'Telegram rate limit (t.me/SpamBot)', 'slowDown'],
  [18, 'cancelled', 'Cancelled', 'F', 'cancelled', 'none'],
  [20, 'smpp_queue_expired', 'Unable to deliver', 'F', 'unable to deliver', 'operatorError'],
  [21, 'moderating', 'Moderating', 'I', 'in moderation (the result comes by email)', 'moderation'],
  [22, 'moderation_declined', 'Moderation declined', 'F', 'moderation rejected', 'changeText'],
  [25, 'external_restriction', 'External restriction', 'F', 'sending restrictions', 'blocked'],
  [26, 'length_restriction', 'Length restriction', 'F', 'length limit in the settings', 'changeText'],
  [27, 'kazakhstan_restriction', 'Kazakhstan restriction', 'F', 'no promotional messages to Kazakhstan after 22:00', 'sendingHours'],
  [28, 'operator_restriction', 'Operator restriction', 'F', 'operator restriction', 'blocked'],
  [31, 'payment_transaction_error', 'Payment transaction error', 'F', 'payment error', 'topUp'],
  [32, 'subscription_expired', 'Subscription expired', 'F', 'messenger subscription unpaid', 'renewSubscription'],
  [33, 'incorrect_delivery_params', 'Incorrect delivery params', 'F', 'invalid parameters', 'checkParameters'],
  [34, 'foreign_delivery_restricted', 'Foreign delivery restricted', 'F', 'sending restrictions', 'blocked'],
  [35, 'rate_limit_error', 'Rate limit error', 'F', 'messenger queue limit exceeded (more than 1 message a minute is queued)', 'slowDown'],
  [36, 'blocked_by_subscription_expired', 'Blocked by subscription expired', 'F', 'subscription suspended', 'renewSubscription'],
  [37, 'daily_limit_error', 'Daily limit error', 'F', 'daily limit exceeded', 'slowDown'],
  [38, 'sender_name_error', 'Sender name error', 'F', 'sender name error', 'senderName', 'J'],
  [44, 'whatsapp_unregistered_number', 'WhatsApp unregistered number', 'F', 'the number is not on WhatsApp', 'checkNumber'],
  [45, 'whatsapp_session_doesnt_exist', "WhatsApp session doesn't exist", 'F', 'WhatsApp is not authorized (scan the QR code)', 'authorizeWhatsapp'],
  [46, 'smsc_dos_error', 'Queued', 'I', 'queued', 'wait'],
  [47, 'smsc_not_enough_money', 'Unprocessed error', 'F', 'unprocessed error', 'operatorError'],
  [48, 'smsc_unavailable_number', 'Unavailable number', 'F', 'unavailable number', 'checkNumber'],
  [49, 'aggregate_forbidden', 'Forbidden', 'F', 'prohibited (operator ban on common sender names)', 'senderName'],
  [50, 'tdlib_not_authorized', 'Telegram not authorized', 'F', 'Telegram is not authorized', 'authorizeTelegram'],
  [51, 'customer_settings_delivery_time_restriction_cancel', 'Delivery time restriction', 'F', 'sending-time restriction', 'sendingHours'],
  [52, 'waba_not_authorized', 'WABA not authorized', 'F', 'WABA is not authorized', 'authorizeWaba', 'J'],
  [53, 'mobile_operator_not_identified', 'Mobile operator not identified', 'F', 'operator not identified', 'checkNumber', 'J'],
  [56, 'safe_sending_limit_exceeded', 'Safe sending limit exceeded', 'F', 'anti-ban safe limit', 'slowDown', 'J'],
  [57, 'too_many_messages_to_new_contacts', 'Too many messages to new contacts', 'F', 'Telegram new-contact limit', 'slowDown', 'J'],
  [58, 'user_not_found_in_telegram', 'User not found in Telegram', 'F', 'user not found in Telegram', 'checkNumber', 'J'],
  [69, 'smpp_connection_error', 'Unable to deliver', 'F', 'unable to deliver', 'operatorError'],
  [88, 'smpp_sending_limit_error', 'Unable to deliver', 'F', 'unable to deliver', 'operatorError'],
  [257, 'smpp_transmitter_not_allowed_region', 'Unable to deliver', 'F', 'unable to deliver (SMS: subscriber offline; messengers: sender phone offline)', 'recipientUnreachable'],
  [555, 'blacklisted_number_error', 'Blacklisted', 'F', 'blacklisted', 'blocked'],
  [1281, 'source_addr_forbidden', 'Sender name blocked', 'F', 'sender name blocked', 'senderName'],
  [1282, 'smpp_num_blacklisted', 'Number blacklisted', 'F', 'number or direction problem', 'checkNumber'],
  [1283, 'template_violation', 'Template violation', 'F', 'invalid text or template', 'changeText'],
  [1284, 'smpp_msg_blacklisted', 'Message blacklisted', 'F', 'forbidden words', 'changeText'],
  [1285, 'smpp_not_enough_money', 'Unable to deliver', 'F', 'unable to deliver', 'operatorError'],
  [1286, 'smpp_foreign_delivery_restricted', 'Sending restrictions', 'F', 'sending restrictions', 'blocked'],
  [1287, 'smpp_down_msisdn', 'Operator error', 'F', 'operator error', 'operatorError'],
  [1288, 'smpp_megafon_wrong_provider', 'Unable to deliver', 'F', 'unable to deliver', 'operatorError'],
  [1293, 'smpp_beeline_wrong_provider', 'Unable to deliver', 'F', 'unable to deliver', 'operatorError'],
  [1299, 'smpp_beeline_partner_blocked', 'Unable to deliver', 'F', 'unable to deliver', 'operatorError'],
  [2291, 'smpp_anti_spam_block', 'Anti-spam block', 'F', 'subscriber spam filter', 'blocked'],
];

/** 2 delivered and 16 read reached the person; 4 deleted and 18 cancelled were stopped on purpose. */
function outcomeOf(id: number, final: boolean): DeliveryOutcome {
  if (!final) return 'pending';
  if (id === 2 || id === 16) return 'delivered';
  return id === 4 || id === 18 ? 'stopped' : 'failed';
}

export const DELIVERY_STATUSES: readonly DeliveryStatusInfo[] = ROWS.map(([id, name, description, final, meaning, advice, jetapiOnly]) => ({
  id,
  name,
  description,
  final: final === 'F',
  jetapiOnly: jetapiOnly === 'J',
  meaning,
  advice,
  outcome: outcomeOf(id, final === 'F'),
}));

const BY_ID = new Map(DELIVERY_STATUSES.map((status) => [status.id, status]));

/** The status row for an id, or undefined for an id the documents do not list (the platform may add some). */
export function deliveryStatus(id: number): DeliveryStatusInfo | undefined {
  return BY_ID.get(id);
}

/** Final statuses never change again (§6.7: the callback fires on them). Unknown ids count as not final. */
export function isFinalDeliveryStatus(id: number): boolean {
  return BY_ID.get(id)?.final ?? false;
}
