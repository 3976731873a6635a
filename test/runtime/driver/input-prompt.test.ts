// planInputPrompt: which pieces of an input's prompts play before play_and_get_digits and which one it plays itself.

import { describe, expect, test } from 'vitest';
import { planInputPrompt } from '../../../runtime/driver/input-prompt';

const en = (...pieces: Parameters<typeof planInputPrompt>[0][number]['pieces']) => ({ language: 'en-US', pieces });

describe('planInputPrompt', () => {
  test('a retry prompt then the menu: the retry prompt plays first, the menu is the input prompt', () => {
    expect(planInputPrompt([en({ kind: 'tts', text: 'Sorry.' }), en({ kind: 'tts', text: 'Press 1.' })])).toEqual({
      lead: [{ language: 'en-US', piece: { kind: 'tts', text: 'Sorry.' } }],
      tail: { kind: 'tts', language: 'en-US', text: 'Press 1.' },
    });
  });

  test('audio files at the end stay one file_string; a say-as at the end leaves a silent input prompt', () => {
    const files = planInputPrompt([
      en({ kind: 'tts', text: 'Hello' }, { kind: 'audio', file: 'a.wav' }, { kind: 'audio', file: 'b.wav' }),
    ]);
    expect(files.tail).toEqual({ kind: 'files', files: ['a.wav', 'b.wav'] });
    expect(files.lead).toHaveLength(1);
    const said = planInputPrompt([en({ kind: 'tts', text: 'You owe' }, { kind: 'sayAs', as: 'number', value: '42' })]);
    expect(said).toEqual({ lead: said.lead, tail: { kind: 'silence' } });
    expect(said.lead.map((p) => p.piece.kind)).toEqual(['tts', 'sayAs']);
  });

  test('no prompt at all: nothing before, silence', () => {
    expect(planInputPrompt([])).toEqual({ lead: [], tail: { kind: 'silence' } });
  });
});
