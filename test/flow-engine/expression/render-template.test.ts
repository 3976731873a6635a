// Templates: text with {{ CEL }} holes, rendered against a flow scope.

import { describe, expect, it } from 'vitest';
import { parseTemplate, type CompiledTemplate, type ExpressionError } from '../../../flow-engine/expression';

function compiled(source: string): CompiledTemplate {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(`expected ${source} to parse: ${parsed.error.message}`);
  return parsed.value;
}

function errorOf(source: string): ExpressionError {
  const parsed = parseTemplate(source);
  if (parsed.ok) throw new Error(`expected ${source.slice(0, 60)} to be refused`);
  return parsed.error;
}

describe('rendering', () => {
  it('fills each hole from the scope', () => {
    const template = compiled('Your order {{orderId}} ships on {{eta}}');
    expect(template.render({ orderId: 'A-1017', eta: 'Monday' })).toBe('Your order A-1017 ships on Monday');
    expect(template.identifiers).toEqual(['orderId', 'eta']);
    expect(template.isStatic).toBe(false);
  });

  it('writes numbers and booleans as text, null as nothing, lists and maps as JSON', () => {
    const template = compiled('{{n}}|{{d}}|{{b}}|{{none}}|{{l}}|{{m}}');
    expect(template.render({ n: 42, d: 2.5, b: true, none: null, l: [1, 'a'], m: { k: 1 } })).toBe(
      '42|2.5|true||[1,"a"]|{"k":1}',
    );
  });

  it('evaluates full expressions inside a hole', () => {
    const template = compiled('{{ tier == "vip" ? "Welcome back" : "Hello" }}, {{ call.caller.substring(0, 3) }}');
    expect(template.render({ tier: 'vip', call: { caller: '+8613800138000' } })).toBe('Welcome back, +86');
    expect(template.identifiers).toEqual(['tier', 'call']);
  });

  it('a text without holes is static and renders unchanged', () => {
    const template = compiled('Thank you for calling.');
    expect(template.isStatic).toBe(true);
    expect(template.identifiers).toEqual([]);
    expect(template.render({})).toBe('Thank you for calling.');
  });
});

describe('encoded and raw holes', () => {
  it('an encode option applies to what each {{ }} hole gives, never to the literal text nor to a raw {{{ }}} hole', () => {
    const template = compiled('/a b/{{id}}/{{{rest}}}?q={{ q }}');
    expect(template.render({ id: '../x', rest: 'c/d?e=1', q: 'a&b' }, { encode: encodeURIComponent })).toBe(
      '/a b/..%2Fx/c/d?e=1?q=a%26b',
    );
    expect(template.render({ id: '../x', rest: 'c/d?e=1', q: 'a&b' })).toBe('/a b/../x/c/d?e=1?q=a&b');
    expect(template.identifiers).toEqual(['id', 'rest', 'q']);
  });

  it('renderShown hides the encoded text of a sensitive hole, as it appears', () => {
    const template = compiled('/cards/{{card}}');
    expect(
      template.renderShown({ card: '4111 1111' }, (name) => name === 'card', '••••', { encode: encodeURIComponent }),
    ).toEqual({
      text: '/cards/4111%201111',
      shown: '/cards/••••',
      hidden: ['4111%201111'],
    });
  });

  it('an unclosed or empty raw hole is refused', () => {
    expect(errorOf('/x/{{{ id }}')).toMatchObject({
      code: 'unclosed-template',
      message: "This '{{{' has no matching '}}}' at column 4.",
    });
    expect(errorOf('/x/{{{ }}}')).toMatchObject({ code: 'empty-template-hole' });
  });
});

describe('literal braces', () => {
  it('\\{{ writes a literal {{ and makes no hole', () => {
    const template = compiled('Type \\{{name}} to see {{name}}');
    expect(template.render({ name: 'Ann' })).toBe('Type {{name}} to see Ann');
    expect(template.identifiers).toEqual(['name']);
  });

  it('a quoted "}}" and a map literal inside a hole do not close it early', () => {
    expect(compiled('a{{ "}}" }}b').render({})).toBe('a}}b');
    expect(compiled('{{ {"x": {"y": 7}}.x.y }}').render({})).toBe('7');
  });

  it('a lone }} is ordinary text', () => {
    expect(compiled('done }} here').render({})).toBe('done }} here');
  });
});

describe('errors carry the column within the whole template', () => {
  it('an unclosed {{ points at the {{', () => {
    expect(errorOf('Hello {{ name')).toEqual({
      message: "This '{{' has no matching '}}' at column 7.",
      column: 7,
      code: 'unclosed-template',
    });
  });

  it('an empty hole is refused', () => {
    expect(errorOf('Hi {{  }}!')).toMatchObject({ message: "There is nothing between '{{' and '}}' at column 4." });
  });

  it('a syntax error inside a hole counts columns from the start of the template', () => {
    expect(errorOf('Dear {{ name }}, your total is {{ total + }}')).toMatchObject({
      message: 'The expression ends too early at column 43.',
      column: 43,
    });
  });

  it('an unknown function inside a hole is reported with its template column', () => {
    expect(errorOf('Hi {{ shout(name) }}')).toMatchObject({
      message: "Unknown function 'shout' at column 7.",
      column: 7,
    });
  });

  it('an unknown variable at render time names it with its template column', () => {
    const template = compiled('Hi {{ name }}, order {{ orderld }}');
    try {
      template.render({ name: 'Ann', orderId: 'A1' });
      expect.unreachable('render should throw');
    } catch (error) {
      expect(error).toMatchObject({
        name: 'ExpressionEvaluationError',
        message: "Unknown variable 'orderld' at column 25.",
        column: 25,
      });
    }
  });
});

describe('limits', () => {
  it('a rendered text longer than 10,000 characters is refused', () => {
    const template = compiled('{{ s }}{{ s }}');
    expect(() => template.render({ s: 'x'.repeat(6000) })).toThrowError(
      'The text is longer than 10000 characters once its {{ }} parts are filled in.',
    );
  });

  it('a template longer than 20,000 characters is refused', () => {
    expect(errorOf('x'.repeat(20_001))).toEqual({
      message: 'The text is longer than 20000 characters at column 20001.',
      column: 20001,
      code: 'too-long',
    });
  });

  it('parsing the same template twice returns the same compiled template', () => {
    const first = parseTemplate('Hi {{ name }}');
    const second = parseTemplate('Hi {{ name }}');
    expect(first.ok).toBe(true);
    expect(second.ok && second.value).toBe(first.ok && first.value);
  });
});
