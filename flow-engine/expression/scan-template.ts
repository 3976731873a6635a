// Splits template text into literal parts and `{{ CEL }}` holes (`{{{ CEL }}}`: a raw hole, which a URL does not
// encode); `\{{` writes a literal "{{".

import { ExpressionProblem } from './errors';

export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `offset`: 0-based position of the hole's expression (just after `{{` or `{{{`) in the template. */
  | { kind: 'hole'; source: string; offset: number; raw?: true };

/**
 * Scan a template into parts. Inside a hole, quoted texts and `{ }` map literals may contain `}}` without
 * closing it; a hole opened with `{{{` closes with `}}}` and is marked `raw` (write `{{ {…} }}` for a map literal).
 * Throws an ExpressionProblem for an unclosed or empty hole.
 * @example
 * scanTemplate('Order {{orderId}}') // [{kind:'text',text:'Order '}, {kind:'hole',source:'orderId',offset:8}]
 */
export function scanTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!template.startsWith('{{', i)) {
      text += template[i];
      i++;
      continue;
    }
    const raw = template.startsWith('{{{', i);
    const open = raw ? 3 : 2;
    const end = findHoleEnd(template, i + open);
    if (end < 0 || (raw && template[end + 2] !== '}')) {
      throw new ExpressionProblem(
        raw ? "This '{{{' has no matching '}}}'" : "This '{{' has no matching '}}'",
        'unclosed-template',
        i,
      );
    }
    const source = template.slice(i + open, end);
    if (source.trim() === '')
      throw new ExpressionProblem(
        raw ? "There is nothing between '{{{' and '}}}'" : "There is nothing between '{{' and '}}'",
        'empty-template-hole',
        i,
      );
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push(raw ? { kind: 'hole', source, offset: i + open, raw } : { kind: 'hole', source, offset: i + open });
    i = end + open;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** Offset of the `}}` that closes a hole starting at `start`, or -1. */
function findHoleEnd(template: string, start: number): number {
  let braces = 0;
  let i = start;
  while (i < template.length) {
    const c = template[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(template, i);
      continue;
    }
    if (c === '}' && braces === 0 && template[i + 1] === '}') return i;
    if (c === '{') braces++;
    else if (c === '}') braces--;
    i++;
  }
  return -1;
}

/** Offset just after the quoted text starting at `start` (single or triple quotes), or the end of the template. */
function skipQuoted(template: string, start: number): number {
  // Called at a quote character, so `start` is inside the template.
  const quote = template[start]!;
  const triple = template.startsWith(quote.repeat(3), start);
  const closing = triple ? quote.repeat(3) : quote;
  let i = start + closing.length;
  while (i < template.length) {
    if (template[i] === '\\') {
      i += 2;
      continue;
    }
    if (template.startsWith(closing, i)) return i + closing.length;
    i++;
  }
  return template.length;
}
