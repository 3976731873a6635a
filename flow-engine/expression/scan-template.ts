// Splits template text into literal parts and `{{ CEL }}` holes; `\{{` writes a literal "{{".

import { ExpressionProblem } from './errors';

export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `offset`: 0-based position of the hole's expression (just after `{{`) in the template. */
  | { kind: 'hole'; source: string; offset: number };

/**
 * Scan a template into parts. Inside a hole, quoted texts and `{ }` map literals may contain `}}` without
 * closing it. Throws an ExpressionProblem for an unclosed or empty hole.
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
    const end = findHoleEnd(template, i + 2);
    if (end < 0) throw new ExpressionProblem("This '{{' has no matching '}}'", 'unclosed-template', i);
    const source = template.slice(i + 2, end);
    if (source.trim() === '') throw new ExpressionProblem("There is nothing between '{{' and '}}'", 'empty-template-hole', i);
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'hole', source, offset: i + 2 });
    i = end + 2;
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
  const quote = template[start];
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
