/**
 * Every delivery status of spec §6.10 as plain data (no imports), so the renderer can use it once it moves to
 * shared/. `description` is the short English text the API puts in `status_description` / `status.description`
 * (only "Accepted" (6) and "Forbidden" (49) are shown in the examples; the others are titled from the table);
 * `meaning` is the table's explanation. `jetapiOnly` marks the six rows only Jetapi's table has (ᴶ).
 *
 * ⚠ §6.10: `read` and `delivered` are both final; id 49's table name is "Prohibited" while the lookup example
 * describes it as "Forbidden" (the example wins: it is what the wire carries).
 */
export interface DeliveryStatusInfo {
  id: number;
  name: string;
  description: string;
  final: boolean;
  jetapiOnly: boolean;
  meaning: string;
}

type Row = [id: number, name: string, description: string, final: 'F' | 'I', meaning: string, jetapiOnly?: 'J'];

const ROWS: Row[] = [
  [0, 'telecommunication_company_error', 'Operator error', 'F', 'operator error'],
  [1, 'enroute', 'Enroute', 'I', 'passed to the operator'],
  [2, 'delivered', 'Delivered', 'F', 'delivered'],
  [3, 'expired', 'Expired', 'F', 'expired (out of coverage or memory full)'],
  [4, 'deleted', 'Deleted', 'F', 'deleted'],
  [5, 'undeliverable', 'Undeliverable', 'F', 'recipient offline or blocked'],
  [6, 'accepted', 'Accepted', 'I', 'accepted by the service'],
  [7, 'unknown', 'Unknown', 'F', 'unknown operator error'],
  [8, 'rejected', 'Rejected', 'F', 'rejected by the operator'],
  [9, 'internal_server_error', 'Internal server error', 'F', 'server error'],
  [10, 'unhandled_error', 'Unhandled error', 'F', 'unhandled operator error'],
  [11, 'incorrect_number', 'Incorrect number', 'F', 'invalid number'],
  [12, 'forbidden', 'Forbidden', 'F', 'forbidden (duplicates, flood, blacklist, spam or sender)'],
  [13, 'not_enough_money', 'Not enough money', 'F', 'insufficient funds'],
  [14, 'waiting_for_sending', 'Waiting for sending', 'I', 'queued'],
  [15, 'in_progress', 'In progress', 'I', 'processing'],
  [16, 'read', 'Read', 'F', 'read'],
  [17, 'too_many_requests', 'Too many requests', 'F', 'Telegram rate limit (t.me/SpamBot)'],
  [18, 'cancelled', 'Cancelled', 'F', 'cancelled'],
  [20, 'smpp_queue_expired', 'Unable to deliver', 'F', 'unable to deliver'],
  [21, 'moderating', 'Moderating', 'I', 'in moderation (the result comes by email)'],
  [22, 'moderation_declined', 'Moderation declined', 'F', 'moderation rejected'],
  [25, 'external_restriction', 'External restriction', 'F', 'sending restrictions'],
  [26, 'length_restriction', 'Length restriction', 'F', 'length limit in the settings'],
  [27, 'kazakhstan_restriction', 'Kazakhstan restriction', 'F', 'no promotional messages to Kazakhstan after 22:00'],
  [28, 'operator_restriction', 'Operator restriction', 'F', 'operator restriction'],
  [31, 'payment_transaction_error', 'Payment transaction error', 'F', 'payment error'],
  [32, 'subscription_expired', 'Subscription expired', 'F', 'messenger subscription unpaid'],
  [33, 'incorrect_delivery_params', 'Incorrect delivery params', 'F', 'invalid parameters'],
  [34, 'foreign_delivery_restricted', 'Foreign delivery restricted', 'F', 'sending restrictions'],
  [35, 'rate_limit_error', 'Rate limit error', 'F', 'messenger queue limit exceeded (more than 1 message a minute is queued)'],
  [36, 'blocked_by_subscription_expired', 'Blocked by subscription expired', 'F', 'subscription suspended'],
  [37, 'daily_limit_error', 'Daily limit error', 'F', 'daily limit exceeded'],
  [38, 'sender_name_error', 'Sender name error', 'F', 'sender name error', 'J'],
  [44, 'whatsapp_unregistered_number', 'WhatsApp unregistered number', 'F', 'the number is not on WhatsApp'],
  [45, 'whatsapp_session_doesnt_exist', "WhatsApp session doesn't exist", 'F', 'WhatsApp is not authorized (scan the QR code)'],
  [46, 'smsc_dos_error', 'Queued', 'I', 'queued'],
  [47, 'smsc_not_enough_money', 'Unprocessed error', 'F', 'unprocessed error'],
  [48, 'smsc_unavailable_number', 'Unavailable number', 'F', 'unavailable number'],
  [49, 'aggregate_forbidden', 'Forbidden', 'F', 'prohibited (operator ban on common sender names)'],
  [50, 'tdlib_not_authorized', 'Telegram not authorized', 'F', 'Telegram is not authorized'],
  [51, 'customer_settings_delivery_time_restriction_cancel', 'Delivery time restriction', 'F', 'sending-time restriction'],
  [52, 'waba_not_authorized', 'WABA not authorized', 'F', 'WABA is not authorized', 'J'],
  [53, 'mobile_operator_not_identified', 'Mobile operator not identified', 'F', 'operator not identified', 'J'],
  [56, 'safe_sending_limit_exceeded', 'Safe sending limit exceeded', 'F', 'anti-ban safe limit', 'J'],
  [57, 'too_many_messages_to_new_contacts', 'Too many messages to new contacts', 'F', 'Telegram new-contact limit', 'J'],
  [58, 'user_not_found_in_telegram', 'User not found in Telegram', 'F', 'user not found in Telegram', 'J'],
  [69, 'smpp_connection_error', 'Unable to deliver', 'F', 'unable to deliver'],
  [88, 'smpp_sending_limit_error', 'Unable to deliver', 'F', 'unable to deliver'],
  [257, 'smpp_transmitter_not_allowed_region', 'Unable to deliver', 'F', 'unable to deliver (SMS: subscriber offline; messengers: sender phone offline)'],
  [555, 'blacklisted_number_error', 'Blacklisted', 'F', 'blacklisted'],
  [1281, 'source_addr_forbidden', 'Sender name blocked', 'F', 'sender name blocked'],
  [1282, 'smpp_num_blacklisted', 'Number blacklisted', 'F', 'number or direction problem'],
  [1283, 'template_violation', 'Template violation', 'F', 'invalid text or template'],
  [1284, 'smpp_msg_blacklisted', 'Message blacklisted', 'F', 'forbidden words'],
  [1285, 'smpp_not_enough_money', 'Unable to deliver', 'F', 'unable to deliver'],
  [1286, 'smpp_foreign_delivery_restricted', 'Sending restrictions', 'F', 'sending restrictions'],
  [1287, 'smpp_down_msisdn', 'Operator error', 'F', 'operator error'],
  [1288, 'smpp_megafon_wrong_provider', 'Unable to deliver', 'F', 'unable to deliver'],
  [1293, 'smpp_beeline_wrong_provider', 'Unable to deliver', 'F', 'unable to deliver'],
  [1299, 'smpp_beeline_partner_blocked', 'Unable to deliver', 'F', 'unable to deliver'],
  [2291, 'smpp_anti_spam_block', 'Anti-spam block', 'F', 'subscriber spam filter'],
];

export const DELIVERY_STATUSES: readonly DeliveryStatusInfo[] = ROWS.map(([id, name, description, final, meaning, jetapiOnly]) => ({
  id,
  name,
  description,
  final: final === 'F',
  jetapiOnly: jetapiOnly === 'J',
  meaning,
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
