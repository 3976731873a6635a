// Prompts pre-parsed at compile time and rendered per call: the call's language, templates filled from its scope.

import type { CompiledTemplate } from '../expression';
import type { PromptPiece, RenderedPrompt } from '../driver/rendered-prompt';
import type { Prompt } from '../nodes/shared-config';
import type { CallContext } from './call-context';
import { NodeFault } from './compile-error';
import { MASK } from './sensitive-values';

/** Compile-time services the renderer needs from the compiler. */
export interface TemplateSource {
  defaultLanguage: string;
  template(source: string, path: string): CompiledTemplate;
  isSensitive(variable: string): boolean;
}

export interface PromptRenderer {
  render(call: CallContext): RenderedPrompt;
}

type TextPiece = { template: CompiledTemplate; masked: boolean; fixed?: string };

type PieceRenderer =
  | { kind: 'tts'; byLanguage: Map<string, TextPiece> }
  | { kind: 'audio'; byLanguage: Map<string, string>; fallback: Map<string, string> }
  | { kind: 'sayAs'; as: Extract<PromptPiece, { kind: 'sayAs' }>['as']; value: TextPiece; currency?: string };

function textPiece(source: TemplateSource, text: string, path: string): TextPiece {
  const template = source.template(text, path);
  const masked = template.identifiers.some((name) => source.isSensitive(name));
  // Static text is rendered once here, not on every call.
  return template.isStatic ? { template, masked, fixed: template.render({}) } : { template, masked };
}

function renderText(piece: TextPiece, call: CallContext): string {
  if (piece.fixed !== undefined) return piece.fixed;
  try {
    return piece.template.render(call.scope);
  } catch (error) {
    throw fillFailed(piece, error);
  }
}

/** A text that reads sensitive variables: what the caller hears, and what logs show (those holes masked). */
function renderShown(piece: TextPiece, call: CallContext): { text: string; shown: string } {
  try {
    const { text, shown, hidden } = piece.template.renderShown(call.scope, (name) => call.tainted.has(name), MASK);
    for (const value of hidden) call.sensitive.add(value);
    return { text, shown: call.sensitive.mask(shown) };
  } catch (error) {
    throw fillFailed(piece, error);
  }
}

function fillFailed(piece: TextPiece, error: unknown): NodeFault {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new NodeFault(`the prompt text \`${piece.template.source}\` could not be filled in: ${reason}`);
}

/** The language to use: the call's, else the flow's default, else the first one written (no tuple per call). */
function pick(byLanguage: Map<string, unknown>, language: string, fallback: string): string {
  if (byLanguage.has(language)) return language;
  if (byLanguage.has(fallback)) return fallback;
  return byLanguage.keys().next().value as string;
}

function perLanguage<T>(map: Record<string, string>, make: (text: string, language: string) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const [language, text] of Object.entries(map)) out.set(language, make(text, language));
  return out;
}

/**
 * Pre-parse a prompt's templates once; render() picks the language and fills them in.
 * @example
 * const hello = compilePrompt({ tts: { 'en-US': 'Hello {{name}}' } }, '/config/prompt', source);
 * hello.render(call); // { language: 'en-US', pieces: [{ kind: 'tts', text: 'Hello Ann' }] }
 */
export function compilePrompt(prompt: Prompt, path: string, source: TemplateSource): PromptRenderer {
  const pieceOf = (
    part: Prompt | Extract<Prompt, { parts: unknown }>['parts'][number],
    base: string,
  ): PieceRenderer => {
    if ('tts' in part)
      return { kind: 'tts', byLanguage: perLanguage(part.tts, (t, l) => textPiece(source, t, `${base}/tts/${l}`)) };
    if ('audio' in part)
      return {
        kind: 'audio',
        byLanguage: perLanguage(part.audio, (file) => file),
        fallback: perLanguage(part.fallbackTts ?? {}, (text) => text),
      };
    if ('sayAs' in part) {
      return {
        kind: 'sayAs',
        as: part.sayAs,
        value: textPiece(source, part.value, `${base}/value`),
        currency: part.currency,
      };
    }
    throw new NodeFault(`unsupported prompt at ${base}`);
  };
  const pieces: PieceRenderer[] =
    'parts' in prompt ? prompt.parts.map((p, i) => pieceOf(p, `${path}/parts/${i}`)) : [pieceOf(prompt, path)];
  const fallback = source.defaultLanguage;
  // A prompt without templates renders the same for every call in a language: build it once per language.
  const isStatic = pieces.every((p) =>
    p.kind === 'tts' ? [...p.byLanguage.values()].every((t) => t.fixed !== undefined) : p.kind === 'audio',
  );
  const rendered = new Map<string, RenderedPrompt>();

  return {
    render(call) {
      if (!isStatic) return renderFresh(call);
      let prompt = rendered.get(call.language);
      if (!prompt) rendered.set(call.language, (prompt = renderFresh(call)));
      return prompt;
    },
  };

  function renderFresh(call: CallContext): RenderedPrompt {
    let language = call.language;
    const out: PromptPiece[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'tts') {
        language = pick(piece.byLanguage, call.language, fallback);
        const text = piece.byLanguage.get(language) as TextPiece;
        out.push(
          text.masked
            ? { kind: 'tts', ...renderShown(text, call), masked: true }
            : { kind: 'tts', text: renderText(text, call) },
        );
      } else if (piece.kind === 'audio') {
        language = pick(piece.byLanguage, call.language, fallback);
        const fallbackText = piece.fallback.get(language);
        out.push({
          kind: 'audio',
          file: piece.byLanguage.get(language) as string,
          ...(fallbackText !== undefined ? { fallbackText } : {}),
        });
      } else {
        const { text: value, shown } = piece.value.masked
          ? renderShown(piece.value, call)
          : { text: renderText(piece.value, call), shown: undefined };
        out.push({
          kind: 'sayAs',
          as: piece.as,
          value,
          ...(piece.currency ? { currency: piece.currency } : {}),
          ...(shown !== undefined ? { masked: true, shown } : {}),
        });
      }
    }
    return { language, pieces: out };
  }
}
