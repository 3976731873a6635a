// Say-as values in the form FreeSWITCH's mod_say modules read them (mod_say_en, mod_say_zh in 1.10.12).

import type { PromptPiece } from '../../flow-engine/driver';
import { zhMoneyText } from './zh-money';

type SayAsPiece = Extract<PromptPiece, { kind: 'sayAs' }>;

/** The zone dates and times are read in: the channel variable `timezone` set to it (timezones.conf.xml has `UTC`). */
export const SAY_TIMEZONE = 'UTC';

export interface SayArgs {
  /** mod_say module: the language's primary subtag (`en-US` → `en`). */
  module: string;
  type: string;
  method: string;
  value: string;
  /** The value is a date or time: the channel's `timezone` must be SAY_TIMEZONE when it is read. */
  zoned: boolean;
}

const types: Record<SayAsPiece['as'], [type: string, method: string]> = {
  number: ['number', 'pronounced'],
  digits: ['number', 'iterated'],
  currency: ['currency', 'pronounced'],
  date: ['current_date', 'pronounced'],
  time: ['current_time', 'pronounced'],
};

/**
 * `say <module> <type> <method> <value>` arguments for a say-as piece. mod_say_en and mod_say_zh read
 * current_date / current_time as epoch seconds (`2026-12-10` would be read as 2026 seconds: "January 1st 1970"), in
 * the channel's `timezone`: a date becomes noon UTC of that day, a time that wall-clock time today in UTC, both read
 * in UTC, so the caller hears the date and time as written whatever zone FreeSWITCH runs in.
 * @example sayArgs('en-US', { kind: 'sayAs', as: 'date', value: '2026-12-10' }).value // '1796904000'
 */
export function sayArgs(language: string, piece: SayAsPiece, now = new Date()): SayArgs {
  const [type, method] = types[piece.as] ?? types.number;
  const module = (language.split('-')[0] ?? '').toLowerCase();
  const value = piece.value.trim();
  if (piece.as === 'date') {
    const date = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
    if (date)
      return {
        module,
        type,
        method,
        value: String(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]), 12) / 1000),
        zoned: true,
      };
  }
  if (piece.as === 'time') {
    // `14:30`, `14:30:05`, or the wall-clock part of an ISO date-time (`2026-12-10T14:30:00+08:00`).
    const time = /(?:^|[T\s])(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value);
    if (time) {
      const epoch =
        Date.UTC(
          now.getUTCFullYear(),
          now.getUTCMonth(),
          now.getUTCDate(),
          Number(time[1]),
          Number(time[2]),
          Number(time[3] ?? 0),
        ) / 1000;
      return { module, type, method, value: String(epoch), zoned: true };
    }
  }
  // mod_say reads the decimals after the point as a number of cents: `12.5` would be "twelve dollars and five cents".
  if (piece.as === 'currency' && /^[^.]*\.\d$/.test(value))
    return { module, type, method, value: `${value}0`, zoned: false };
  return { module, type, method, value, zoned: false };
}

/**
 * The text the language's TTS voice speaks in place of a say-as piece that mod_say would read wrongly, or undefined
 * when `say` reads it right. Money in Chinese: `say zh currency` is read in US dollars (zh_say_money), so a zh amount
 * is spoken in its currency (zh-money.ts).
 * @example spokenInstead('zh-CN', { kind: 'sayAs', as: 'currency', value: '12.50' }) // '十二元五角'
 */
export function spokenInstead(language: string, piece: SayAsPiece): string | undefined {
  if (piece.as === 'currency' && language.split('-')[0]?.toLowerCase() === 'zh')
    return zhMoneyText(piece.value, piece.currency);
  return undefined;
}
