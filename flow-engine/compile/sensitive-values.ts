// The sensitive values one call has seen, and the masking of any text or value about to leave the engine.

/** Shown instead of anything sensitive (keyed card numbers, the parts of a prompt that read them back). */
export const MASK = '••••';

/**
 * Digit runs this long or longer are masked when they are part of a sensitive number (a card number split by
 * spaces, or quoted in part by an error). Shorter runs stay: a CRM's own "last 4" may be read back.
 */
const MIN_DIGIT_RUN = 6;
/** Shorter sensitive texts are masked only through the variables and holes that hold them (too common to search). */
const MIN_SECRET_LENGTH = 3;
/**
 * A sensitive text without digits is searched for only from this length: "yes" computed from a card number
 * must not mask every "yes" of every prompt, while a spoken password or a name is long enough to be found.
 */
const MIN_WORDY_SECRET_LENGTH = 8;

/**
 * One per call. The engine adds every value a sensitive variable takes (and the digits keyed at a sensitive
 * collect, valid or not); everything that leaves — trace, transcript, events, logs, error messages, HTTP step
 * text, transfer and callback targets — goes through mask(). A runtime creates one per call, passes it to the
 * machine as `input.sensitive`, and masks its own logs and events with it.
 * @example
 * const sensitive = new SensitiveValues();
 * sensitive.add('4111111111111111');
 * sensitive.mask('GET /cards/4111111111111111'); // 'GET /cards/••••'
 */
export class SensitiveValues {
  readonly #texts = new Set<string>();
  /** The digits of each number-like secret, searched for the digit runs of a text. */
  readonly #digits = new Set<string>();

  /** True when nothing sensitive has been seen: mask() returns its input unchanged. */
  get empty(): boolean {
    return this.#texts.size === 0;
  }

  /** Remember a sensitive value (text, number, or every text and number inside a list or map). */
  add(value: unknown): void {
    if (typeof value === 'string') this.#addText(value);
    else if (typeof value === 'number' || typeof value === 'bigint') this.#addText(String(value));
    else if (Array.isArray(value)) for (const item of value) this.add(item);
    else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) this.add(item);
  }

  #addText(text: string): void {
    const trimmed = text.trim();
    if (trimmed.length < MIN_SECRET_LENGTH) return;
    if (trimmed.length < MIN_WORDY_SECRET_LENGTH && !/\d/.test(trimmed)) return;
    this.#texts.add(trimmed);
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length >= MIN_DIGIT_RUN) this.#digits.add(digits);
  }

  /**
   * The text with every sensitive value masked, and every stretch of 6+ digits (grouped or not) taken from a
   * sensitive number.
   */
  mask(text: string): string {
    if (this.#texts.size === 0 || text === '') return text;
    let out = text;
    // Longest first, so that a value containing another is masked whole.
    for (const secret of [...this.#texts].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
    }
    if (this.#digits.size === 0) return out;
    // Digits grouped by spaces or dashes ("4539 5787 6362 1486"), then plain runs inside other numbers.
    out = out.replace(/\d(?:[ -]?\d){5,}/g, (run) => (this.#isSensitiveRun(run.replace(/[ -]/g, '')) ? MASK : run));
    return out.replace(/\d{6,}/g, (run) => (this.#isSensitiveRun(run) ? MASK : run));
  }

  #isSensitiveRun(run: string): boolean {
    if (run.length < MIN_DIGIT_RUN) return false;
    for (const digits of this.#digits) if (digits.includes(run) || run.includes(digits)) return true;
    return false;
  }

  /** A copy of a JSON-like value with every text in it masked (keys included). */
  maskValue<T>(value: T): T {
    if (this.#texts.size === 0) return value;
    return this.#maskDeep(value) as T;
  }

  #maskDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.mask(value);
    if (typeof value === 'number') return this.#texts.has(String(value)) ? MASK : value;
    if (Array.isArray(value)) return value.map((v) => this.#maskDeep(v));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.mask(k)] = this.#maskDeep(v);
      return out;
    }
    return value;
  }
}
