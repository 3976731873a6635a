// Money in Chinese as text for the TTS voice: FreeSWITCH 1.10.12's `say zh currency` reads every amount in US dollars
// (mod_say_zh's zh_say_money plays currency/dollar and currency/cent: 12.50 is heard 十二美元五十美分), so the runtime
// has a zh amount spoken instead, in the flow's currency.

import Nzh from 'nzh';

const names = new Intl.DisplayNames(['zh-CN'], { type: 'currency' });

/**
 * An amount as it is said in Chinese: 元/角/分 for CNY (the default), 美元/美分 for USD, the number followed by the
 * currency's Chinese name for any other ISO 4217 code (十二点五欧元). Like mod_say, everything but digits, `.`, `+`
 * and `-` is ignored (`¥1,234.50` is 1234.50) and decimals past the second are dropped. Undefined when there is no
 * number in the value.
 * @example zhMoneyText('12.50') // '十二元五角'
 * @example zhMoneyText('12.05', 'USD') // '十二美元五美分'
 */
export function zhMoneyText(value: string, currency = 'CNY'): string | undefined {
  const amount = /^([+-]?)(\d*)(?:\.(\d*))?/.exec(value.replace(/[^\d.+-]/g, ''));
  if (!amount || !/\d/.test(`${amount[2]}${amount[3] ?? ''}`)) return undefined;
  const sign = amount[1] === '-' ? '负' : '';
  const whole = (amount[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const cents = `${amount[3] ?? ''}00`.slice(0, 2);
  const [tens = '0', units = '0'] = cents;
  const words = (digits: string) => Nzh.cn.encodeS(digits);
  if (currency === 'CNY') {
    const yuan = whole === '0' ? '' : `${words(whole)}元`;
    const jiao = tens === '0' ? '' : `${words(tens)}角`;
    // 十二元零五分: the zero is said between yuan and fen.
    const fen = units === '0' ? '' : `${yuan && !jiao ? '零' : ''}${words(units)}分`;
    return `${sign}${yuan + jiao + fen || '零元'}`;
  }
  if (currency === 'USD') {
    const dollars = whole === '0' && cents !== '00' ? '' : `${words(whole)}美元`;
    const cent = cents === '00' ? '' : `${words(String(Number(cents)))}美分`;
    return `${sign}${dollars}${cent}`;
  }
  const fraction = cents.replace(/0+$/, '');
  return `${sign}${words(fraction ? `${whole}.${fraction}` : whole)}${names.of(currency) ?? currency}`;
}
