/**
 * Sample notifications of every §5.3 type, from the documents' examples (their `000001` made valid). `idInstance`
 * and `wid` are the chosen instance's when there is one.
 */
type Instance = { idInstance: number; wid: string };

const BUILDERS: Record<string, (instance: Instance, now: number) => Record<string, unknown>> = {
  incomingMessageReceived: (instance, now) => message('incomingMessageReceived', instance, now, 'I use Green-API to send this message to you!'),
  outgoingMessageReceived: (instance, now) => message('outgoingMessageReceived', instance, now, 'Sent from the phone'),
  outgoingAPIMessageReceived: (instance, now) => message('outgoingAPIMessageReceived', instance, now, 'Sent through the API'),
  outgoingMessageStatus: (instance, now) => ({
    typeWebhook: 'outgoingMessageStatus',
    chatId: '11001234567890@c.us',
    instanceData: data(instance),
    timestamp: now,
    idMessage: '3EB0608D6A2901063D63',
    status: 'delivered',
    sendByApi: true,
  }),
  stateInstanceChanged: (instance, now) => ({ typeWebhook: 'stateInstanceChanged', instanceData: data(instance), timestamp: now, stateInstance: 'notAuthorized' }),
  statusInstanceChanged: (instance, now) => ({ typeWebhook: 'statusInstanceChanged', instanceData: data(instance), timestamp: now, statusInstance: 'online' }),
  incomingCall: (instance, now) => ({
    from: '79001234500@c.us',
    typeWebhook: 'incomingCall',
    instanceData: data(instance),
    status: 'offer',
    timestamp: now,
    idMessage: '104179ED87F5328988D8834107EEBE50',
  }),
  quotaExceeded: (instance) => ({
    typeWebhook: 'quotaExceeded',
    instanceData: data(instance),
    quotaData: {
      method: 'correspondents',
      used: 3,
      total: 3,
      status: 'CORRESPONDENTS_QUOTA_EXCEEDED',
      description:
        'Monthly quota has been exceeded. You can only send or receive messages from following chats: 10001234560@c.us, 10001234561@c.us, 10001234562@c.us. Please go to your personal account and change the tariff to business https://console.green-api.com',
    },
  }),
  deviceInfo: (instance, now) => ({ typeWebhook: 'deviceInfo', instanceData: data(instance), timestamp: now, deviceData: { platform: 'android', deviceManufacturer: 'Google', deviceModel: 'Pixel 8', osVersion: '14', waVersion: '2.24.1.6', battery: 74 } }),
  incomingBlock: (instance, now) => ({ typeWebhook: 'incomingBlock', instanceData: data(instance), timestamp: now, chatId: '79001234568@c.us', chatState: 'blocked' }),
};

export const GREENAPI_SAMPLE_TYPES = Object.keys(BUILDERS);

export function greenApiSample(type: string, instance: Instance, nowSeconds: number): Record<string, unknown> | undefined {
  return BUILDERS[type]?.(instance, nowSeconds);
}

const data = (instance: Instance) => ({ idInstance: instance.idInstance, wid: instance.wid, typeInstance: 'whatsapp' });

function message(typeWebhook: string, instance: Instance, now: number, text: string) {
  const incoming = typeWebhook === 'incomingMessageReceived';
  return {
    typeWebhook,
    instanceData: data(instance),
    timestamp: now,
    idMessage: incoming ? 'F7AEC1B7086ECDC7E6E45923F5EDB825' : 'BAE5143000000000',
    senderData: incoming
      ? { chatId: '79001234568@c.us', sender: '79001234568@c.us', chatName: 'Иван', senderName: 'Иван', senderContactName: 'Иван Васильевич' }
      : { chatId: '79001234568@c.us', sender: instance.wid, chatName: 'Иван', senderName: '', senderContactName: '' },
    messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: text } },
  };
}
