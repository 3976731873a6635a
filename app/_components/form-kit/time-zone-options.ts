// The time zones a picker offers, each findable by its IANA name, its city in English and Chinese ("Shanghai",
// "上海", "北京"), the zone's name in the UI language ("China Standard Time", "中国标准时间") and its offset ("GMT+8").
// Pure (Intl only), so the search is tested without a browser.

/** Chinese names of the cities the IANA names use, for zones a Chinese admin is likely to look for. */
const chineseCities: Record<string, string> = {
  'Asia/Shanghai': '上海 北京 中国',
  'Asia/Urumqi': '乌鲁木齐',
  'Asia/Hong_Kong': '香港',
  'Asia/Macau': '澳门',
  'Asia/Taipei': '台北',
  'Asia/Tokyo': '东京 日本',
  'Asia/Seoul': '首尔 韩国',
  'Asia/Singapore': '新加坡',
  'Asia/Kuala_Lumpur': '吉隆坡 马来西亚',
  'Asia/Bangkok': '曼谷 泰国',
  'Asia/Ho_Chi_Minh': '胡志明市 越南',
  'Asia/Jakarta': '雅加达 印度尼西亚',
  'Asia/Manila': '马尼拉 菲律宾',
  'Asia/Kolkata': '加尔各答 孟买 新德里 印度',
  'Asia/Dubai': '迪拜 阿联酋',
  'Asia/Riyadh': '利雅得 沙特',
  'Europe/London': '伦敦 英国',
  'Europe/Paris': '巴黎 法国',
  'Europe/Berlin': '柏林 德国',
  'Europe/Madrid': '马德里 西班牙',
  'Europe/Rome': '罗马 意大利',
  'Europe/Amsterdam': '阿姆斯特丹 荷兰',
  'Europe/Moscow': '莫斯科 俄罗斯',
  'America/New_York': '纽约 美国东部',
  'America/Chicago': '芝加哥 美国中部',
  'America/Denver': '丹佛 美国山地',
  'America/Los_Angeles': '洛杉矶 旧金山 美国西部',
  'America/Toronto': '多伦多 加拿大',
  'America/Vancouver': '温哥华',
  'America/Sao_Paulo': '圣保罗 巴西',
  'America/Mexico_City': '墨西哥城',
  'Australia/Sydney': '悉尼 澳大利亚',
  'Australia/Melbourne': '墨尔本',
  'Pacific/Auckland': '奥克兰 新西兰',
  'Africa/Johannesburg': '约翰内斯堡 南非',
  'Africa/Cairo': '开罗 埃及',
  UTC: '协调世界时 世界标准时间',
};

export interface TimeZoneOption {
  value: string;
  /** "Asia/Shanghai · China Standard Time (GMT+8)". */
  label: string;
  /** Lower-case text the search looks in. */
  search: string;
}

/** Labels show a zone's standard-time name and offset: those of mid-January (summer time is not what people search). */
const labelInstant = Date.UTC(2026, 0, 15);

function zoneName(locale: string, timeZone: string, style: 'longGeneric' | 'shortOffset'): string {
  try {
    return (
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
        .formatToParts(labelInstant)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

const cache = new Map<string, TimeZoneOption[]>();

/** Every zone this runtime knows (UTC included), labelled and searchable in `locale`. */
export function timeZoneOptions(locale: string): TimeZoneOption[] {
  const hit = cache.get(locale);
  if (hit) return hit;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const options = [...new Set(['UTC', ...zones])].map((value) => {
    const name = zoneName(locale, value, 'longGeneric');
    const offset = zoneName('en-US', value, 'shortOffset');
    const city = value.split('/').slice(1).join(' ').replace(/_/g, ' ');
    const label = [value, name && name !== offset ? `${name} (${offset})` : offset].filter(Boolean).join(' · ');
    return { value, label, search: [value, city, name, offset, chineseCities[value] ?? ''].join(' ').toLowerCase() };
  });
  cache.set(locale, options);
  return options;
}

/** True when every word of `input` occurs in the option's search text ("shanghai", "上海", "gmt+8", "china time"). */
export function matchesTimeZone(option: Pick<TimeZoneOption, 'search'> | undefined, input: string): boolean {
  if (!option) return false;
  return input
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => option.search.includes(word));
}
