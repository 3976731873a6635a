// EchoMask: an integration's secret and header values, echoed back in the usual encodings, never reach a tester.

import { describe, expect, it } from 'vitest';
import { EchoMask } from '../../../app/_server/simulator/echo-mask';

const secret = 'Bearer s3cret-token-9913';
const tenant = 'tenant/42 ü';
const echoes = new EchoMask([secret, tenant]);

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

describe('EchoMask', () => {
  it.each([
    ['raw', secret],
    ['upper case', secret.toUpperCase()],
    ['lower case', secret.toLowerCase()],
    ['reversed', [...secret].reverse().join('')],
    ['URL-encoded', encodeURIComponent(secret)],
    ['form-encoded', encodeURIComponent(secret).replace(/%20/g, '+')],
    ['hex', Buffer.from(secret).toString('hex')],
    ['upper-case hex', Buffer.from(secret).toString('hex').toUpperCase()],
    ['base64', b64(secret)],
    ['url-safe base64', b64url(secret)],
    // Inside a longer encoded text, at each of the three byte alignments.
    ['base64 of a longer text (offset 1)', b64(`{authorization:${secret}}`), 16],
    ['base64 of a longer text (offset 2)', b64(`a:${secret}!`), 3],
    ['base64 of a longer text (offset 0)', b64(`abc${secret}`), 3],
    ['url-safe base64 of a longer text', b64url(`??>${secret}??`), 5],
    ['the token without its scheme', 's3cret-token-9913'],
    ['the token base64-encoded alone', b64('s3cret-token-9913')],
    ['a header value raw', tenant],
    ['a header value URL-encoded', encodeURIComponent(tenant)],
    ['a header value in base64', b64(tenant)],
    ['a header value in hex', Buffer.from(tenant).toString('hex')],
    ['a header value upper-cased', tenant.toUpperCase()],
  ])('masks the %s echo', (_, echoed, wrapperBytes = 0) => {
    const masked = echoes.mask(`got ${echoed} back`);
    expect(masked).toContain('••••');
    expect(masked).toMatch(/^got /);
    expect(masked).toMatch(/ back$/);
    for (const leak of ['s3cret', 'S3CRET', 'token-9913', 'tenant/42', 'TENANT/42', 'tenant%2F42'])
      expect(masked).not.toContain(leak);
    // Only the encoding of the text around the value and a character or two at either end of it survive.
    const around = Math.ceil((wrapperBytes * 4) / 3) + 2;
    expect(masked.length).toBeLessThanOrEqual('got  back'.length + '••••'.length + around + 4);
  });

  it('masks the user and the password of a Basic credential', () => {
    const basic = new EchoMask([`Basic ${b64('agent-7:pa55word-x')}`]);
    expect(basic.mask('user agent-7:pa55word-x')).toBe('user ••••');
    expect(basic.mask('pw=pa55word-x')).toBe('pw=••••');
  });

  it('masks keys and values deep inside an answer, numbers included, and leaves the rest', () => {
    const numeric = new EchoMask(['90210877']);
    expect(numeric.maskValue({ a: [90210877, 'x'], b: { '90210877': true }, c: 12 })).toEqual({
      a: ['••••', 'x'],
      b: { '••••': true },
      c: 12,
    });
    expect(echoes.maskValue({ status: 'shipped', items: [1, 2] })).toEqual({ status: 'shipped', items: [1, 2] });
  });

  it('does not search values too short to be secrets, nor blank every answer with them', () => {
    const short = new EchoMask(['1', 'en', 'v2']);
    expect(short.mask('version v2, lang en, count 1')).toBe('version v2, lang en, count 1');
  });

  it('masks overlapping echoes as one', () => {
    // The whole value and its credential overlap; the value and its reversal overlap by a character.
    expect(echoes.mask(`[${secret}]`)).toBe('[••••]');
    expect(echoes.mask(`[${secret}${[...secret].reverse().join('').slice(1)}]`)).toBe('[••••]');
  });
});
