// The region shape: which callers belong to which region, by number prefix or country.

import * as z from 'zod';
import { portName } from '../nodes/shared-config';

export const regionRule = z.strictObject({
  /** The port the call leaves by, e.g. `beijing`. */
  name: portName,
  label: z.string().max(200).optional(),
  /** Number prefixes, in national (`010`) or international (`+8610`) form. */
  prefixes: z
    .array(z.string().regex(/^\+?[0-9]{1,15}$/, 'must be digits, optionally starting with +'))
    .max(2000)
    .default([]),
  /** ISO 3166-1 alpha-2 country codes, e.g. CN, HK. */
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as CN'))
    .max(250)
    .default([]),
});

export type RegionRule = z.output<typeof regionRule>;
