// "Call the real integration": the server proxy (tRPC simulator.callIntegration) sends one http node's request as the
// runtime would, with the integration's secrets and address guard, and returns the answer (never a secret).

import type { HttpMock } from '../../../../flow-engine/test-case';
import { trpc } from '../../../_lib/trpc-client';

/** The procedure's own input type, so the client cannot drift from the router. */
export type CallIntegrationInput = Parameters<typeof trpc.simulator.callIntegration.mutate>[0];

/** The real answer as the mock that replays it: status, body and how long it took. */
export async function callRealIntegration(input: CallIntegrationInput): Promise<HttpMock> {
  const answer = await trpc.simulator.callIntegration.mutate(input);
  return { status: answer.status, body: answer.body ?? null, delayMs: Math.max(0, Math.round(answer.elapsedMs)) };
}
