// What an API failure says to the user: the server's sentence, and the validation issues of a refused flow.

import { TRPCClientError } from '@trpc/client';

export interface ApiIssue {
  message: string;
  nodeId?: string;
  /** The problem code and parameters the studio renders in the UI language (validation issues carry them). */
  code?: string;
  params?: Record<string, string | number | readonly string[]>;
}

/** The server's message (already a sentence for people), or the error's own text. */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError || error instanceof Error) return error.message;
  return String(error);
}

/** The integration key of a real call the server refused because an administrator turned such calls off (`data.realCallsOff`). */
export function apiRealCallsOff(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('realCallsOff' in data)) return undefined;
  const off = (data as { realCallsOff: unknown }).realCallsOff;
  return typeof off === 'object' && off !== null && 'integration' in off && typeof off.integration === 'string' ? off.integration : undefined;
}

/** The issues of a flow the server refused as invalid (`data.flowIssues`), or none. */
export function apiFlowIssues(error: unknown): ApiIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('flowIssues' in data)) return [];
  const issues = (data as { flowIssues: unknown }).flowIssues;
  return Array.isArray(issues) ? (issues as ApiIssue[]) : [];
}
