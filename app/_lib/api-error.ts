// What an API failure says to the user: the server's sentence, and the validation issues of a refused flow.

import { TRPCClientError } from '@trpc/client';

export interface ApiIssue {
  message: string;
  nodeId?: string;
}

/** The server's message (already a sentence for people), or the error's own text. */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError || error instanceof Error) return error.message;
  return String(error);
}

/** The issues of a flow the server refused as invalid (`data.flowIssues`), or none. */
export function apiFlowIssues(error: unknown): ApiIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('flowIssues' in data)) return [];
  const issues = (data as { flowIssues: unknown }).flowIssues;
  return Array.isArray(issues) ? (issues as ApiIssue[]) : [];
}
