// http: calls a CRM / order system and maps the response into variables.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { httpCredentialsCheck } from './http-checks';
import { identifier, resourceRef } from './shared-config';
import type { HttpRequest, HttpResult } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';
import { evaluate, renderTemplate, setVariable, toPlain } from '../compile/call-scope';
import { joinUnderBase } from '../driver/integration-url';

/** URL holes are encoded: a value cannot add path segments, a query or a fragment (raw `{{{ }}}` holes excepted). */
const urlHoles = { encode: encodeURIComponent };

export const http = defineNode({
  type: 'http',
  category: 'logic',
  title: 'HTTP request',
  description: 'Calls a web service (CRM lookup, order status, ticket creation) and stores parts of the answer.',
  config: z.strictObject({
    /** Shared integration: base URL and credentials kept by the environment (secrets never in the flow). */
    integration: resourceRef.optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    /**
     * Template; relative to the integration's base URL when one is set, e.g. `/orders/{{orderId}}`. Each hole's value is
     * percent-encoded (`encodeURIComponent`); a raw hole `{{{ expr }}}` inserts it as it is.
     */
    url: z.string().min(1).max(2000),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), z.string().max(2000)).default({}),
    /** Query parameters, values are templates. */
    query: z.record(z.string().min(1).max(100), z.string().max(2000)).default({}),
    /** JSON body: field → CEL expression, e.g. `{ "phone": "call.caller" }`. */
    json: z.record(z.string().min(1).max(100), z.string().min(1).max(2000)).optional(),
    /** Text body (template), used when `json` is not set. */
    body: z.string().max(20000).optional(),
    timeoutSeconds: z.number().min(0.1).max(30).default(5),
    /** Variables set from the answer: CEL over `response` (`response.status`, `response.body`). */
    outputs: z
      .array(z.strictObject({ variable: identifier, value: z.string().min(1).max(2000) }))
      .max(50)
      .default([]),
    /** Status codes that count as `ok` (others leave by `error`). */
    okStatus: z.array(z.number().int().min(100).max(599)).min(1).default([200, 201, 202, 204]),
  }),
  ports: () => [
    { name: 'ok', label: 'OK' },
    { name: 'error', label: 'Error' },
    { name: 'timeout', label: 'Timeout' },
  ],
  summary: (c) => `${c.method} ${c.integration ? `${c.integration.ref}:` : ''}${c.url}`,
  references: (c) => ({
    templates: [
      { path: '/config/url', source: c.url },
      ...Object.entries(c.headers).map(([k, v]) => ({ path: `/config/headers/${k}`, source: v })),
      ...Object.entries(c.query).map(([k, v]) => ({ path: `/config/query/${k}`, source: v })),
      ...(c.body !== undefined ? [{ path: '/config/body', source: c.body }] : []),
    ],
    expressions: [
      ...Object.entries(c.json ?? {}).map(([k, v]) => ({ path: `/config/json/${k}`, source: v })),
      ...c.outputs.map((o, i) => ({ path: `/config/outputs/${i}/value`, source: o.value })),
    ],
    writes: c.outputs.map((o, i) => ({
      path: `/config/outputs/${i}/variable`,
      name: o.variable,
      from: [`/config/outputs/${i}/value`],
    })),
    resources: c.integration ? [{ path: '/config/integration', kind: 'integration', key: c.integration.ref }] : [],
    locals: ['response'],
  }),
  effects: ['http'],
  mocks: { table: 'http' },
  callerReview: { settings: { integrations: ['integration', 'method', 'url'] } },
  checks: [httpCredentialsCheck],
  sendsOut: { target: 'url', matches: (path) => path === '/config/url' || path.startsWith('/config/query/') },
  compile(c, compiler) {
    const integration = c.integration ? compiler.resources.integration(c.integration.ref) : undefined;
    if (c.integration && !integration) {
      compiler.fail(
        `uses the integration "${c.integration.ref}", which is not defined in the resources`,
        '/config/integration',
      );
    }
    const url = compiler.template(c.url, '/config/url');
    const headers = Object.entries(c.headers).map(
      ([name, v]) => [name, compiler.template(v, `/config/headers/${name}`)] as const,
    );
    const query = Object.entries(c.query).map(
      ([name, v]) => [name, compiler.template(v, `/config/query/${name}`)] as const,
    );
    const json = c.json
      ? Object.entries(c.json).map(([field, v]) => [field, compiler.expression(v, `/config/json/${field}`)] as const)
      : undefined;
    const body = c.body !== undefined ? compiler.template(c.body, '/config/body') : undefined;
    const outputs = c.outputs.map((o, i) => ({
      variable: o.variable,
      value: compiler.expression(o.value, `/config/outputs/${i}/value`),
    }));
    const okStatus = new Set(c.okStatus);
    return {
      kind: 'effects',
      steps: [
        effectStep<HttpRequest, HttpResult>({
          effect: 'http',
          request(call) {
            const sent: Record<string, string> = { ...integration?.headers };
            for (const [name, t] of headers) sent[name] = renderTemplate(call, t);
            let text: string | undefined;
            if (json) {
              const fields: Record<string, unknown> = {};
              for (const [field, e] of json) fields[field] = toPlain(evaluate(call, e));
              text = JSON.stringify(fields);
              if (!Object.keys(sent).some((h) => h.toLowerCase() === 'content-type'))
                sent['Content-Type'] = 'application/json';
            } else if (body) {
              text = renderTemplate(call, body);
            }
            const written = withQuery(
              renderTemplate(call, url, undefined, urlHoles),
              query.map(([name, t]) => [name, renderTemplate(call, t)]),
            );
            return {
              node: call.node,
              method: c.method,
              // Under an integration the URL is always joined below its base; senders re-resolve `relativeUrl`
              // against their own record of the integration and refuse what leaves it.
              url: integration ? joinUnderBase(integration.baseUrl, written) : written,
              headers: sent,
              ...(text !== undefined ? { body: text } : {}),
              timeoutSeconds: c.timeoutSeconds,
              ...(c.integration ? { integration: c.integration.ref, relativeUrl: written } : {}),
              allowInternal: integration?.allowInternal ?? false,
            };
          },
          result(call, answer) {
            if (answer.kind === 'timeout') return 'timeout';
            if (answer.kind === 'networkError' || !okStatus.has(answer.status)) return 'error';
            // Outputs are read only from an accepted answer: error bodies rarely have the shape they expect.
            const response = { status: answer.status, body: answer.body, headers: answer.headers };
            for (const o of outputs) setVariable(call, o.variable, toPlain(evaluate(call, o.value, { response })));
            return 'ok';
          },
        }),
      ],
    };
  },
});

/** The node's URL plus the query parameters, names and values encoded. */
function withQuery(url: string, query: (readonly [string, string])[]): string {
  if (query.length === 0) return url;
  const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}
