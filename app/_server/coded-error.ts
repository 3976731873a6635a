// A refusal the studio tells in the UI language: the error keeps its English sentence (logs, API clients, the CLI)
// and carries a key of the `serverErrors` messages with its parameters, which the error formatter sends to the browser.

import 'server-only';
import { TRPCError } from '@trpc/server';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

export type ServerErrorParams = Record<string, string | number>;

export class CodedError extends TRPCError {
  readonly messageCode: string;
  readonly messageParams: ServerErrorParams;

  /**
   * @example
   * throw new CodedError('NOT_FOUND', 'flowNotFound', {}, 'That flow does not exist.');
   */
  constructor(code: TrpcCode, messageCode: string, params: ServerErrorParams, message: string, cause?: unknown) {
    super({ code, message, ...(cause !== undefined && { cause }) });
    this.messageCode = messageCode;
    this.messageParams = params;
  }
}

/** The code and parameters of a coded refusal, for the error formatter; null for any other error. */
export function userMessageOf(error: unknown): { code: string; values: ServerErrorParams } | null {
  return error instanceof CodedError ? { code: error.messageCode, values: error.messageParams } : null;
}
