import type { Prng } from '../prng';

export interface Chat2DeskChannelRecord {
  id: number;
  name: string;
  phone: string;
  transports: string[];
  whatsappDailyNewClientsLimit: { limit: number; used: number };
}

export interface Chat2DeskWorld {
  apiToken: string;
  company: {
    companyId: number;
    partnerId: number;
    partnerType: string;
    companyMode: string;
    companyName: string;
    companyLang: string;
    adminEmail: string;
    domainUrls: string[];
    writeFirstOption: boolean;
    currentVersion: number;
    apiCalls: { usedThisMonth: number; leftFreeRequests: number; leftPaidRequests: number };
  };
  channels: Chat2DeskChannelRecord[];
}

export function chat2DeskWorld(prng: Prng): Chat2DeskWorld {
  const companyId = prng.int(10_000, 99_999);
  const channels: Chat2DeskChannelRecord[] = [];
  let channelId = prng.int(20_000, 30_000);
  const names = ['Main WhatsApp', 'Telegram support', 'Website widget'];
  const transports = [['whatsapp', 'widget'], ['telegram'], ['widget', 'email']];
  for (let i = 0; i < names.length; i++) {
    channelId += prng.int(1, 300);
    channels.push({
      id: channelId,
      name: names[i]!,
      phone: String(prng.int(1_000_000_000, 1_999_999_999)),
      transports: transports[i]!,
      whatsappDailyNewClientsLimit: { limit: prng.pick([10, 50, 100]), used: prng.int(0, 9) },
    });
  }
  const used = prng.int(0, 5000);
  return {
    apiToken: prng.hex(30),
    company: {
      companyId,
      partnerId: 1,
      partnerType: 'partner_client',
      // api_info carries company_mode "standard" in the doc's only example (A7), not an api_modes name.
      companyMode: 'standard',
      companyName: `Sandbox Company ${companyId}`,
      companyLang: 'en',
      adminEmail: `admin${companyId}@example.com`,
      domainUrls: [`https://sandbox${companyId}.chat2desk.example`],
      writeFirstOption: true,
      currentVersion: 1,
      apiCalls: { usedThisMonth: used, leftFreeRequests: 100_000 - used, leftPaidRequests: prng.pick([0, 1_000_000]) },
    },
    channels,
  };
}
