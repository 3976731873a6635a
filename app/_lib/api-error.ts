// What an API failure says to the user: the server's sentence, and the validation issues of a refused flow.

import { TRPCClientError } from '@trpc/client';
import type { ZodIssueData } from '../_server/validation/zod-issue-data';

export interface ApiIssue {
  message: string;
  nodeId?: string;
  /** The problem code and parameters the studio renders in the UI language (validation issues carry them). */
  code?: string;
  params?: Record<string, string | number | readonly string[]>;
}

type ServerErrorTranslator = (code: string, params: Record<string, string | number>) => string | undefined;
type InputIssuesTranslator = (issues: ZodIssueData[]) => string;

let translateServerError: ServerErrorTranslator | undefined;
let translateInputIssues: InputIssuesTranslator | undefined;

/**
 * Registers the page's `serverErrors` messages and, for a page not in English (whose sentences the server already
 * wrote), the wording of refused input fields (see ServerErrorMessages); the browser has one language per page.
 */
export function setServerErrorTranslator(translate: ServerErrorTranslator, inputIssues?: InputIssuesTranslator): void {
  if (typeof window === 'undefined') return;
  translateServerError = translate;
  translateInputIssues = inputIssues;
}

/** The issues of an input the server refused (`data.zodIssues`), if any. */
function inputIssues(error: TRPCClientError<never>): ZodIssueData[] | undefined {
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('zodIssues' in data)) return undefined;
  const issues = data.zodIssues;
  return Array.isArray(issues) && issues.length > 0 ? (issues as ZodIssueData[]) : undefined;
}

/** The code and parameters of a refusal the server coded (`data.userMessage`), if any. */
function userMessage(
  error: TRPCClientError<never>,
): { code: string; params: Record<string, string | number> } | undefined {
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('userMessage' in data)) return undefined;
  const message = data.userMessage;
  if (typeof message !== 'object' || message === null) return undefined;
  const { code, values } = message as { code?: unknown; values?: unknown };
  return typeof code === 'string' && typeof values === 'object' && values !== null
    ? { code, params: values as Record<string, string | number> }
    : undefined;
}

/** The server's message in the UI language when it is coded, else its sentence (already for people), or the error's own text. */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const coded = userMessage(error as TRPCClientError<never>);
    const issues = inputIssues(error as TRPCClientError<never>);
    return (
      (coded && translateServerError?.(coded.code, coded.params)) ??
      (issues && translateInputIssues?.(issues)) ??
      error.message
    );
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The integration key of a real call the server refused because an administrator turned such calls off (`data.realCallsOff`). */
export function apiRealCallsOff(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('realCallsOff' in data)) return undefined;
  const off = data.realCallsOff;
  return typeof off === 'object' && off !== null && 'integration' in off && typeof off.integration === 'string'
    ? off.integration
    : undefined;
}

/** The issues of a flow the server refused as invalid (`data.flowIssues`), or none. */
export function apiFlowIssues(error: unknown): ApiIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('flowIssues' in data)) return [];
  const issues = data.flowIssues;
  return Array.isArray(issues) ? (issues as ApiIssue[]) : [];
}
