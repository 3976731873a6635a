// region: routes by the caller's area code / country.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { regionRule } from '../region/region-config';
import { matchRegion } from '../region';

export const region = defineNode({
  type: 'region',
  category: 'logic',
  title: 'Caller region',
  description: 'Branches on the caller number: longest matching prefix, then country.',
  config: z.strictObject({
    regions: z.array(regionRule).min(1).max(100),
    /** Which number is matched. */
    source: z.enum(['caller', 'dialed']).default('caller'),
    /** Country used to read national numbers such as 010 12345678. */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('CN'),
  }),
  ports: (c) => [
    ...c.regions.map((r) => ({ name: r.name, label: r.label ?? r.name })),
    { name: 'other', label: 'Other' },
  ],
  summary: (c) => c.regions.map((r) => r.name).join(', '),
  references: () => ({}),
  effects: [],
  uniqueItems: [{ list: 'regions', field: 'name', what: 'name', namesPort: true }],
  compile: (c) => ({
    kind: 'logic',
    decide: (call) => matchRegion(c.regions, call.call[c.source], c.defaultCountry) ?? 'other',
  }),
});
