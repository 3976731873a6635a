// The http node's checks for rules integration-absolute-url and http-credential-without-integration (errors): an integration's headers and secret
// go only below its base URL, so a node that uses one gives a path, not a URL of its own; and a credential is kept by an
// integration (administrators, write-only), so a node without one may not carry any in a header, its query or its URL.

import type { NodeCheck } from '../define-node';
import { isAbsoluteUrl } from '../driver/integration-url';
import { pointer } from '../validate/json-pointer';

/** Header and query names that carry credentials: Authorization, Cookie, X-Api-Key, access_token, client_secret, … */
const CREDENTIAL_NAME =
  /^(proxy-)?authorization$|^cookie$|^(x-)?auth|api[-_]?key|access[-_]?key|token|secret|passw(or)?d|signature|session/i;

/** `scheme://user:password@host…`: credentials written into the URL itself. */
const USER_INFO = /^\s*[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

interface HttpConfig {
  integration?: { ref: string };
  url: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

export const httpCredentialsCheck: NodeCheck<HttpConfig> = {
  rule: 'http-credentials',
  check(config, entry, ctx) {
    const at = (...tokens: string[]) => ({ path: pointer(entry.path, 'config', ...tokens), nodeId: entry.id });
    if (config.integration) {
      if (isAbsoluteUrl(config.url)) {
        ctx.report.error({
          rule: 'integration-absolute-url',
          ...at('url'),
          code: 'integration-absolute-url',
          params: { node: entry.id, integration: config.integration.ref, example: '/orders/{{orderId}}' },
        });
      }
      return;
    }
    if (USER_INFO.test(config.url)) {
      ctx.report.error({
        rule: 'http-credential-without-integration',
        ...at('url'),
        code: 'http-credential-in-url',
        params: { node: entry.id },
      });
    }
    for (const name of Object.keys(config.headers).filter((h) => CREDENTIAL_NAME.test(h))) {
      ctx.report.error({
        rule: 'http-credential-without-integration',
        ...at('headers', name),
        code: 'http-credential-in-header',
        params: { node: entry.id, header: name },
      });
    }
    for (const name of Object.keys(config.query).filter((q) => CREDENTIAL_NAME.test(q))) {
      ctx.report.error({
        rule: 'http-credential-without-integration',
        ...at('query', name),
        code: 'http-credential-in-query',
        params: { node: entry.id, parameter: name },
      });
    }
  },
};
