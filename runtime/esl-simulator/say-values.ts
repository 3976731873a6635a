// What mod_say_en / mod_say_zh (FreeSWITCH 1.10.12) read out of a `say` value, so a trace shows what the caller heard.

/**
 * current_date / current_time / current_date_time: a value with `:` is parsed as `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS`
 * (switch_str_time, mod_say_en only), anything else as epoch seconds with atol (`2026-12-10` is 2026 s: 1970-01-01), and it is read in the channel's
 * `timezone` (a name from timezones.conf.xml or seconds east of UTC; the simulated switch runs in UTC). Heard as
 * `YYYY-MM-DD`, `HH:MM` or both. `say zh currency` is heard in US dollars (zhCurrencyHeard). Other types are heard as
 * written.
 * @example sayHeard('current_date', '2026-12-10', {}) // '1970-01-01'
 */
export function sayHeard(type: string, value: string, variables: Record<string, string>, module = 'en'): string {
  if (type === 'currency' && module === 'zh') return zhCurrencyHeard(value);
  if (!['current_date', 'current_time', 'current_date_time'].includes(type)) return value;
  const offset = offsetSeconds(variables.timezone);
  let epoch: number;
  // switch_str_time: a time alone is today at that time, a date with a time that instant, both in the switch's zone (UTC here).
  const timeOnly = /^(\d*):?(\d*):?(\d*)$/.exec(value);
  const written = /^(\d+)-(\d+)-(\d+)\s*(\d*):?(\d*):?(\d*)/.exec(value);
  const today = new Date();
  if (module === 'en' && value.includes(':') && (timeOnly || written)) {
    const [y, m, d] = written
      ? [Number(written[1]), Number(written[2]) - 1, Number(written[3])]
      : [today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()];
    const [h, min, sec] = (written ? written.slice(4, 7) : timeOnly!.slice(1, 4)).map((part) => Number(part || 0));
    epoch = Date.UTC(y, m, d, h, min, sec) / 1000;
  } else {
    const seconds = Number.parseInt(value, 10);
    epoch = seconds > 0 ? seconds : Math.floor(Date.now() / 1000);
  }
  const local = new Date((epoch + offset) * 1000).toISOString();
  const date = local.slice(0, 10);
  const time = local.slice(11, 16);
  return type === 'current_date' ? date : type === 'current_time' ? time : `${date} ${time}`;
}

function offsetSeconds(timezone: string | undefined): number {
  if (!timezone) return 0;
  const numeric = Number.parseInt(timezone, 10);
  if (numeric) return numeric;
  // Zone names: the simulator knows the ones the runtime sets; others read as UTC.
  return 0;
}

/**
 * mod_say_zh's `zh` interface (zh_say_money) reads money in US dollars: the whole part, currency/dollar (美元), the
 * first two decimals read as a number (0 without decimals), currency/cent (美分); numbers are shown as written.
 * @example zhCurrencyHeard('12.50') // '12美元50美分'
 */
function zhCurrencyHeard(value: string): string {
  const digits = value.replace(/[^\d.+-]/g, '');
  const [whole = '', cents] = digits.split('.');
  const negative = whole.startsWith('-');
  return `${negative ? '负' : ''}${whole.replace(/^[+-]/, '')}美元${cents === undefined ? '0' : cents.slice(0, 2)}美分`;
}
