import { z } from 'zod';

/** An integer the wire may send as a number or a digit string. */
export const IntLikeSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** Money as a decimal string; tolerated as a number (Chategy/Jetapi §2 types subscription_cost "number"). */
export const DecimalStringSchema = z.union([z.string(), z.number()]).transform((value) => String(value));
