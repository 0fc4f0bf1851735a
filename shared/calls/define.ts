import { z } from 'zod';

export interface CallOptions {
  /**
   * The call changes something (an account, an instance, a webhook…): the dispatcher writes it to the audit log
   * with its target and result. Reads are not audited.
   */
  audit?: boolean;
}

/** One contract call: its input and output schemas and how the dispatcher treats it. */
export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, options: CallOptions = {}) => ({
  input,
  output,
  audit: options.audit ?? false,
});

export const Empty = z.object({}).strict();
export const Done = z.object({ done: z.literal(true) });
