// Rules integration-absolute-url and http-credential-without-integration (errors): an integration's headers and secret
// go only below its base URL, so a node that uses one gives a path, not a URL of its own; and a credential is kept by an
// integration (administrators, write-only), so a node without one may not carry any in a header, its query or its URL.

import { isAbsoluteUrl } from '../../driver/integration-url';
import type { SemanticRule } from '../flow-context';
import { pointer } from '../json-pointer';

/** Header and query names that carry credentials: Authorization, Cookie, X-Api-Key, access_token, client_secret, … */
const CREDENTIAL_NAME = /^(proxy-)?authorization$|^cookie$|^(x-)?auth|api[-_]?key|access[-_]?key|token|secret|passw(or)?d|signature|session/i;

/** `scheme://user:password@host…`: credentials written into the URL itself. */
const USER_INFO = /^\s*[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

interface HttpConfig {
  integration?: { ref: string };
  url: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

export const checkHttpCredentials: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    if (entry.node.type !== 'http' || !entry.parsed) continue;
    const config = entry.parsed.config as HttpConfig;
    const at = (...tokens: string[]) => ({ path: pointer(entry.path, 'config', ...tokens), nodeId: entry.id });
    if (config.integration) {
      if (isAbsoluteUrl(config.url)) {
        ctx.report.error({
          rule: 'integration-absolute-url',
          ...at('url'),
          message: `Node "${entry.id}" uses the integration "${config.integration.ref}" but its URL is absolute; write a path under the integration's base URL, such as /orders/{{orderId}}.`,
        });
      }
      continue;
    }
    const advice = "without an integration; keep the credential in an integration's secret, which only administrators set";
    if (USER_INFO.test(config.url)) {
      ctx.report.error({ rule: 'http-credential-without-integration', ...at('url'), message: `Node "${entry.id}" writes a user name or password into its URL ${advice}.` });
    }
    for (const name of Object.keys(config.headers).filter((h) => CREDENTIAL_NAME.test(h))) {
      ctx.report.error({ rule: 'http-credential-without-integration', ...at('headers', name), message: `Node "${entry.id}" sends the header "${name}" ${advice}.` });
    }
    for (const name of Object.keys(config.query).filter((q) => CREDENTIAL_NAME.test(q))) {
      ctx.report.error({
        rule: 'http-credential-without-integration',
        ...at('query', name),
        message: `Node "${entry.id}" sends the query parameter "${name}" ${advice}.`,
      });
    }
  }
};
