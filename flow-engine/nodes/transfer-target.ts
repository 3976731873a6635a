// What a transfer node may dial: a phone number or a SIP URI (pure; shared by validation and the runtime's driver).

export type TransferTarget =
  /** Digits with an optional leading `+` (and `*` / `#`), the spaces, dashes, dots and brackets people write removed. */
  | { kind: 'number'; number: string }
  /** `sip:` / `sips:` URI with a user part and a host, kept as written. */
  | { kind: 'sip'; uri: string };

const SIP_URI = /^sips?:[A-Za-z0-9._~!$&'()*+,;=%-]+@[A-Za-z0-9.-]+(?::\d{1,5})?(?:;[A-Za-z0-9._~=%-]+)*$/;

/**
 * The target a transfer's rendered `to` names, or null when it is neither a number nor a SIP URI.
 * @example parseTransferTarget('+86 10 8888-6666') // { kind: 'number', number: '+861088886666' }
 * @example parseTransferTarget('sip:sales@pbx.example.com') // { kind: 'sip', uri: 'sip:sales@pbx.example.com' }
 */
export function parseTransferTarget(to: string): TransferTarget | null {
  const text = to.trim();
  if (/^sips?:/i.test(text)) return SIP_URI.test(text) ? { kind: 'sip', uri: text } : null;
  const number = text.replace(/[\s().-]/g, '');
  return /^\+?[0-9*#]{1,32}$/.test(number) ? { kind: 'number', number } : null;
}
