// Finds where JSON text goes wrong (offset and a short reason): JSON.parse on Node 20 often reports no position.

export interface JsonSyntaxProblem {
  /** 0-based offset into the text. */
  offset: number;
  message: string;
}

export interface LineColumn {
  line: number;
  column: number;
}

/** 1-based line and column of an offset (columns count UTF-16 code units, as editors mostly do). */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Problem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Scan JSON text (RFC 8259) and return the first syntax problem, or null when the text is valid JSON.
 * Used only after JSON.parse has failed, to say where.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length) scanner.unexpected();
    return null;
  } catch (error) {
    if (error instanceof Problem) return { offset: error.offset, message: error.message };
    throw error;
  }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class Scanner {
  pos = 0;

  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos += 1;
  }

  unexpected(): never {
    if (this.pos >= this.text.length) throw new Problem(this.text.length, 'Unexpected end of JSON input');
    const char = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0);
    throw new Problem(this.pos, `Unexpected token ${char} in JSON`);
  }

  expect(char: string): void {
    if (this.text[this.pos] !== char) this.unexpected();
    this.pos += 1;
  }

  value(): void {
    const char = this.text[this.pos];
    if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (char === '-' || (char >= '0' && char <= '9')) this.number();
    else this.literal();
  }

  object(): void {
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.unexpected();
      this.string();
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.text[this.pos] === '}') {
        this.pos += 1;
        return;
      }
      this.expect(',');
      this.skipSpace();
    }
  }

  array(): void {
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        return;
      }
      this.expect(',');
      this.skipSpace();
    }
  }

  string(): void {
    this.pos += 1;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (char === '"') {
        this.pos += 1;
        return;
      }
      if (char.charCodeAt(0) < 0x20) throw new Problem(this.pos, 'Bad control character in string literal in JSON');
      if (char === '\\') {
        const escape = this.text[this.pos + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            throw new Problem(this.pos, 'Bad Unicode escape in JSON');
          }
          this.pos += 6;
          continue;
        }
        if (escape === undefined || !ESCAPES.has(escape)) throw new Problem(this.pos, 'Bad escaped character in JSON');
        this.pos += 2;
        continue;
      }
      this.pos += 1;
    }
    throw new Problem(this.text.length, 'Unterminated string in JSON');
  }

  number(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) {
      // Point past a lone minus sign at what should have been a digit.
      if (this.text[this.pos] === '-') this.pos += 1;
      this.unexpected();
    }
    this.pos += match[0].length;
  }

  literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.unexpected();
  }
}
