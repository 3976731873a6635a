// Rule missing-recording: an audio part whose key the prompt audio library lacks in a flow language, with no fallback
// text there, is warned about (callers of that language would hear nothing); only when the library is known.

import { describe, expect, it } from 'vitest';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { validate } from '../../../flow-engine/validate/index';
import { flow, node } from '../../flow-engine/support/build-flow';
import { issuesOf, onlyIssue } from './fixtures';

const languages = ['zh-CN', 'en-US'];
/** The library has "welcome" in Chinese only. */
const library = resolverFromBundle({ recordings: { welcome: ['zh-CN'] } });

const playing = (prompt: Record<string, unknown>) =>
  flow([node('greeting', 'play', { prompt }), node('bye', 'hangup')], ['start:next->greeting', 'greeting:next->bye'], {
    languages,
  });

describe('missing-recording', () => {
  it('an audio prompt whose key has no recording in a flow language and no fallback text there is a warning naming key and language', () => {
    const result = validate(playing({ audio: { 'zh-CN': 'Welcome', 'en-US': 'welcome' } }), { resources: library });
    const issue = onlyIssue(result, 'missing-recording');
    expect(issue).toMatchObject({
      severity: 'warning',
      nodeId: 'greeting',
      path: '/nodes/1/config/prompt/audio/en-US',
      code: 'missing-recording',
    });
    expect(issue.params).toMatchObject({ key: 'welcome', language: 'en-US' });
    expect(issue.message).toBe(
      'Node "greeting": prompt plays recording "welcome", which the prompt audio library has no en-US recording of, so en-US callers hear nothing there; upload it, or type what the recording says so that it is spoken instead.',
    );
    expect(result.valid).toBe(true);
  });

  it('fallback text for that language silences the warning; the schema takes fallbackTts on audio only', () => {
    const spoken = validate(
      playing({
        audio: { 'zh-CN': 'welcome', 'en-US': 'welcome' },
        fallbackTts: { 'en-US': 'Welcome to Example Telecom' },
      }),
      { resources: library },
    );
    expect(spoken).toEqual({ valid: true, errors: [], warnings: [] });
    const onText = validate(playing({ tts: { 'zh-CN': '您好', 'en-US': 'Hello' }, fallbackTts: { 'en-US': 'Hello' } }));
    expect(onText.valid).toBe(false);
  });

  it('an audio part inside parts is warned at its own path; a fallback in another language does not count', () => {
    const prompt = {
      parts: [
        { tts: { 'zh-CN': '您好', 'en-US': 'Hello' } },
        { audio: { 'zh-CN': 'promo', 'en-US': 'welcome' }, fallbackTts: { 'en-US': 'Members save twenty percent' } },
      ],
    };
    const result = validate(playing(prompt), { resources: library });
    const issue = onlyIssue(result, 'missing-recording');
    expect(issue).toMatchObject({
      path: '/nodes/1/config/prompt/parts/1/audio/zh-CN',
      params: expect.objectContaining({ key: 'promo', language: 'zh-CN' }),
    });
    expect(issue.message).toContain('prompt part 2 plays recording "promo"');
  });

  it('without knowledge of the library (no recordings in the bundle), and for absolute files, nothing is said', () => {
    expect(
      issuesOf(
        validate(playing({ audio: { 'zh-CN': 'nope', 'en-US': 'nope' } }), { resources: resolverFromBundle({}) }),
        'missing-recording',
      ),
    ).toEqual([]);
    expect(issuesOf(validate(playing({ audio: { 'zh-CN': 'nope', 'en-US': 'nope' } })), 'missing-recording')).toEqual(
      [],
    );
    const files = playing({ audio: { 'zh-CN': '/srv/sounds/hi.wav', 'en-US': 'https://cdn.example.com/hi.wav' } });
    expect(issuesOf(validate(files, { resources: library }), 'missing-recording')).toEqual([]);
  });
});
