import { chat2DeskWorld, type Chat2DeskWorld } from './chat2desk/world';
import { chatpushWorld, type ChatpushWorld } from './chatpush/world';
import { chattiWorld, type ChattiWorld } from './chatti/world';
import { greenApiWorld, type GreenApiWorld } from './greenapi/world';
import { derivePrng } from './prng';

/**
 * The sandbox's world: one seeded, deterministic model that every simulated provider serves from. Tests and the
 * demo controls mutate it directly (change a balance, flip a state); the servers read it on every request.
 * Field names are the domain's (camelCase); each server maps them to its own wire format.
 */
export interface SandboxState {
  seed: number;
  chatpush: ChatpushWorld;
  greenapi: GreenApiWorld;
  chat2desk: Chat2DeskWorld;
  chatti: ChattiWorld;
}

export type * from './chatpush/world';
export type * from './greenapi/world';
export type * from './chat2desk/world';
export type * from './chatti/world';

export const DEFAULT_SANDBOX_SEED = 20240226;

export function createSandboxState(seed: number = DEFAULT_SANDBOX_SEED): SandboxState {
  return {
    seed,
    chatpush: chatpushWorld(derivePrng(seed, 'chatpush')),
    greenapi: greenApiWorld(derivePrng(seed, 'greenapi')),
    chat2desk: chat2DeskWorld(derivePrng(seed, 'chat2desk')),
    chatti: chattiWorld(derivePrng(seed, 'chatti')),
  };
}
