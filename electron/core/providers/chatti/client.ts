import { httpJson, joinUrl, transportFields, type CallOptions, type TransportOptions } from '../http';
import { chattiDialect } from './dialect';
import { AnyJsonSchema, PageSchema, type ChattiPage } from './schemas';

export interface ChattiCredentials {
  /** The user's; Chatti documents no base URL (Part B [GAP]). */
  baseUrl: string;
  apiKey: string;
}

export interface ChattiProbeResult {
  status: number;
  /** Set when the answer is the documented pagination envelope. */
  page: ChattiPage | null;
}

/** Chatti API V1: only conventions are documented: `x-api-key`, `Content-type: application/json`, pagination. */
export class ChattiApi {
  constructor(
    private readonly credentials: ChattiCredentials,
    private readonly transport: TransportOptions,
  ) {}

  /** A read-only GET of `path` (which may carry a query), to prove the key works. */
  async probe(path: string, call?: CallOptions): Promise<ChattiProbeResult> {
    const response = await httpJson({
      ...transportFields(this.transport, call),
      dialect: chattiDialect,
      operation: 'probe',
      action: `reading ${path.split('?')[0]}`,
      credential: 'API key',
      hints: { auth_failed: 'Check the API key.', provider_not_found: 'Check the base URL and the probe path.' },
      method: 'GET',
      url: joinUrl(this.credentials.baseUrl, path),
      // Part B: "Required header: Content-type = application/json", even on reads.
      headers: { 'x-api-key': this.credentials.apiKey, 'Content-Type': 'application/json' },
      idempotent: true,
      secrets: [this.credentials.apiKey],
      parse: AnyJsonSchema,
    });
    const page = PageSchema.safeParse(response.data);
    return { status: response.status, page: page.success ? page.data : null };
  }
}
