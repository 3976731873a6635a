// http: calls a CRM / order system and maps the response into variables.

import { z } from 'zod';
import { defineNode } from '../define-node';
import { identifier, resourceRef } from './shared-config';

export const http = defineNode({
  type: 'http',
  category: 'logic',
  title: 'HTTP request',
  description: 'Calls a web service (CRM lookup, order status, ticket creation) and stores parts of the answer.',
  config: z.strictObject({
    /** Shared integration: base URL and credentials kept by the environment (secrets never in the flow). */
    integration: resourceRef.optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    /** Template; relative to the integration's base URL when one is set, e.g. `/orders/{{orderId}}`. */
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
    outputs: z.array(z.strictObject({ variable: identifier, value: z.string().min(1).max(2000) })).max(50).default([]),
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
    writes: c.outputs.map((o, i) => ({ path: `/config/outputs/${i}/variable`, name: o.variable })),
    resources: c.integration ? [{ path: '/config/integration', kind: 'integration', key: c.integration.ref }] : [],
    locals: ['response'],
  }),
});
