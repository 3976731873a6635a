// matchRegion(): which region (port) a number belongs to — longest prefix first, then country.

import type { RegionRule } from './region-config';
import { readNumber } from './phone-number';
import { prefixDigits } from './rule-prefix';

interface CompiledRules {
  /** E.164 digits of each prefix → region name; the first region listing a prefix keeps it. */
  byPrefix: Map<string, string>;
  longestPrefix: number;
  /** Country → the first region listing it. */
  byCountry: Map<string, string>;
}

const cache = new WeakMap<readonly RegionRule[], Map<string, CompiledRules>>();

/**
 * The name of the region `number` belongs to, or null (the node then leaves by `other`).
 * The longest matching prefix across all regions wins, whichever region lists it; a prefix listed by
 * two regions goes to the first. With no prefix match, the first region whose `countries` holds the
 * number's country wins. Empty, anonymous and unreadable numbers give null.
 * @example
 * const rules = [
 *   { name: 'beijing', prefixes: ['010'], countries: [] },
 *   { name: 'shenzhen', prefixes: ['0755'], countries: [] },
 *   { name: 'hongkong', prefixes: [], countries: ['HK'] },
 * ];
 * matchRegion(rules, '+86 755 1234 5678', 'CN'); // 'shenzhen'
 * matchRegion(rules, '0085221234567', 'CN'); // 'hongkong'
 * matchRegion(rules, 'anonymous', 'CN'); // null
 */
export function matchRegion(rules: readonly RegionRule[], number: string, defaultCountry: string): string | null {
  const read = readNumber(number, defaultCountry);
  if (!read) return null;
  const compiled = compiledRules(rules, defaultCountry);
  for (let length = Math.min(read.digits.length, compiled.longestPrefix); length > 0; length--) {
    const name = compiled.byPrefix.get(read.digits.slice(0, length));
    if (name !== undefined) return name;
  }
  return read.country === null ? null : (compiled.byCountry.get(read.country) ?? null);
}

function compiledRules(rules: readonly RegionRule[], defaultCountry: string): CompiledRules {
  let perCountry = cache.get(rules);
  if (!perCountry) {
    perCountry = new Map();
    cache.set(rules, perCountry);
  }
  let compiled = perCountry.get(defaultCountry);
  if (!compiled) {
    compiled = compile(rules, defaultCountry);
    perCountry.set(defaultCountry, compiled);
  }
  return compiled;
}

function compile(rules: readonly RegionRule[], defaultCountry: string): CompiledRules {
  const byPrefix = new Map<string, string>();
  const byCountry = new Map<string, string>();
  let longestPrefix = 0;
  for (const rule of rules) {
    for (const prefix of rule.prefixes ?? []) {
      const digits = prefixDigits(prefix, defaultCountry);
      if (digits === null || byPrefix.has(digits)) continue;
      byPrefix.set(digits, rule.name);
      longestPrefix = Math.max(longestPrefix, digits.length);
    }
    for (const country of rule.countries ?? []) {
      if (!byCountry.has(country)) byCountry.set(country, rule.name);
    }
  }
  return { byPrefix, longestPrefix, byCountry };
}
