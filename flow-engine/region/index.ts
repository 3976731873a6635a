// Public API of caller-region matching: match a number to a region, and read numbers into E.164/country.

export { matchRegion } from './match-region';
export { normalizeNumber, countryOfNumber, isKnownCountry } from './phone-number';
export { prefixDigits } from './rule-prefix';
export { regionRule } from './region-config';
export type { RegionRule } from './region-config';
