// Serves better-auth's routes (/api/auth/*) behind the studio's input rules: a body that is not JSON (or form) text,
// or text PostgreSQL cannot store (a NUL, a lone surrogate) in any field or query parameter, is refused with 400
// before better-auth sees it — better-auth would answer 500 for the one and hand the other to the database.

import 'server-only';
import { parseJsonText } from '../../../flow-engine/json/parse-json-text';
import { JsonTextError } from '../../../flow-engine/json/json-text-error';
import type { Auth } from '../auth/auth';
import { findInputProblem, type InputProblem } from '../validation/input-limits';

/** The first unstorable text among `params` (every value of a repeated name included). */
function paramsProblem(params: URLSearchParams, subject: string): InputProblem | null {
  for (const [name, value] of params) {
    const problem = findInputProblem({ [name]: value }, subject);
    if (problem) return problem;
  }
  return null;
}

function refuse(status: 400 | 415, code: string, message: string): Response {
  return Response.json({ code, message }, { status });
}

/** The refusal for `request`'s query and body, or the bytes of its body (empty when it has none). */
async function checkedBody(request: Request): Promise<Response | Uint8Array<ArrayBuffer>> {
  const query = paramsProblem(new URL(request.url).searchParams, 'query');
  if (query) return refuse(400, 'INVALID_TEXT', query.message);
  const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
  if (bytes.length === 0) return bytes;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(); // split always yields at least one part
  const json = type === 'application/json' || type.endsWith('+json');
  if (!json && type !== 'application/x-www-form-urlencoded')
    return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'INVALID_TEXT', 'The request body is not UTF-8 text.');
  }
  let problem: InputProblem | null;
  if (json) {
    try {
      problem = findInputProblem(parseJsonText(text), 'request');
    } catch (error) {
      if (!(error instanceof JsonTextError)) throw error;
      return refuse(400, 'INVALID_JSON', `The request body is not valid JSON: ${error.message}.`);
    }
  } else {
    problem = paramsProblem(new URLSearchParams(text), 'request');
  }
  return problem ? refuse(400, 'INVALID_TEXT', problem.message) : bytes;
}

/** better-auth's handler for the /api/auth route, with the request's text checked first. */
export function createAuthHandler(auth: Pick<Auth, 'handler'>): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = await checkedBody(request);
    if (body instanceof Response) return body;
    // The body has been read: better-auth gets the same bytes in a fresh request.
    return auth.handler(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: body.length > 0 ? body : undefined,
        signal: request.signal,
      }),
    );
  };
}
