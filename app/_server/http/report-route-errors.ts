// The one error path of the studio's API routes (tRPC, audio, auth): whatever a route handler throws is logged by
// reportInternalError — names, codes and SQL text, never messages, parameters or request data — and answered 500
// with its error id. Nothing is left for Next's default logger, which would print the error object whole.

import 'server-only';
import { reportInternalError } from '../internal-error';
import { isBodyTooLargeError } from './body-byte-limit';

/** `handler` with every thrown error reported under `where` (a fixed route name, never the request's own path). */
export function reportRouteErrors<Args extends unknown[]>(
  where: string,
  handler: (request: Request, ...args: Args) => Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      // The studio's server has answered 413 and closed the connection; this answer reaches no one.
      if (isBodyTooLargeError(error)) return new Response(null, { status: 413 });
      const reported = reportInternalError(error, where);
      return Response.json(
        { error: { code: 'INTERNAL_SERVER_ERROR', message: reported.message, errorId: reported.errorId } },
        { status: 500 },
      );
    }
  };
}
