import { z } from 'zod';
import { httpJson, joinUrl, transportFields, type CallOptions, type TransportOptions } from '../http';
import { chattiDialect } from './dialect';
import { ListParamsSchema, RequestPathSchema, type ChattiListParams, type ChattiWorkbenchRequest } from './inputs';
import { CHATTI_HINTS, chattiHeaders, checkChattiInput, type ChattiCredentials } from './request';
import { AnyJsonSchema, listPageOf, PageSchema, type ChattiListPage, type ChattiPage } from './schemas';
import { sendWorkbenchRequest, type ChattiWorkbenchResponse } from './workbench';

export type { ChattiCredentials };

export interface ChattiProbeResult {
  status: number;
  /** Set when the answer is the documented pagination envelope. */
  page: ChattiPage | null;
}

const PROBE_HINTS = { ...CHATTI_HINTS, provider_not_found: 'Check the base URL and the probe path.' };

/** Chatti API V1: only conventions are documented: `x-api-key`, `Content-type: application/json`, pagination. */
export class ChattiApi {
  constructor(
    private readonly credentials: ChattiCredentials,
    private readonly transport: TransportOptions,
  ) {}

  /** A read-only GET of `path` (which may carry a query), to prove the key works. */
  async probe(path: string, call?: CallOptions): Promise<ChattiProbeResult> {
    const checked = checkChattiInput('probe', RequestPathSchema, path);
    const data = await this.get('probe', `reading ${checked.split('?')[0]}`, checked, {}, AnyJsonSchema, call, PROBE_HINTS);
    const page = PageSchema.safeParse(data.value);
    return { status: data.status, page: page.success ? page.data : null };
  }

  /** One page of a paginated list (Part B): page, per_page (1–1000), after (inclusive), before (exclusive). */
  async list<T extends z.ZodType = z.ZodUnknown>(path: string, params: ChattiListParams = {}, item?: T, call?: CallOptions): Promise<ChattiListPage<z.output<T>>> {
    const checkedPath = checkChattiInput('list', RequestPathSchema, path);
    const { page, perPage, after, before } = checkChattiInput('list', ListParamsSchema, params);
    const query = { page, per_page: perPage, after, before };
    const schema = listPageOf(item ?? z.unknown());
    const { value } = await this.get('list', `listing ${checkedPath.split('?')[0]}`, checkedPath, query, schema, call);
    return value as ChattiListPage<z.output<T>>;
  }

  /**
   * Every item, page after page. The next page is asked for by number on the account's base URL; `next_page_url`
   * is read only as "there is more": following it could send the key to whatever host the answer names.
   */
  async *iterate<T extends z.ZodType = z.ZodUnknown>(path: string, params: Omit<ChattiListParams, 'page'> = {}, item?: T, call?: CallOptions): AsyncGenerator<z.output<T>> {
    for (let page = 1; ; ) {
      const current = await this.list(path, { ...params, page }, item, call);
      yield* current.items;
      if (!current.hasNext || current.items.length === 0 || current.currentPage < page) return;
      page = current.currentPage + 1;
    }
  }

  /** The request workbench: see workbench.ts. */
  workbench(request: ChattiWorkbenchRequest, call?: CallOptions): Promise<ChattiWorkbenchResponse> {
    return sendWorkbenchRequest(this.credentials, this.transport, request, call);
  }

  private async get<S extends z.ZodType>(
    operation: string,
    action: string,
    path: string,
    query: Record<string, string | number | undefined>,
    parse: S,
    call?: CallOptions,
    hints = CHATTI_HINTS,
  ) {
    const response = await httpJson({
      ...transportFields(this.transport, call),
      dialect: chattiDialect,
      operation,
      action,
      credential: 'API key',
      hints,
      method: 'GET',
      url: joinUrl(this.credentials.baseUrl, path),
      query,
      headers: chattiHeaders(this.credentials),
      idempotent: true,
      secrets: [this.credentials.apiKey],
      parse,
    });
    return { status: response.status, value: response.data as z.output<S> };
  }
}
