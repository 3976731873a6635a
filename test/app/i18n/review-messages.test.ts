// The caller-experience review's sentences: the studio's English `callerReview` messages are the engine's English
// word for word (what `callflow diff` prints), and both catalogues cover exactly the engine's codes.

import { describe, expect, it } from 'vitest';
import { reviewMessagesEn } from '../../../flow-engine/diff';
import en from '../../../messages/en-US.json';
import zh from '../../../messages/zh-CN.json';

describe('caller review messages', () => {
  it('cover every review code in both catalogues, the English the engine English', () => {
    const codes = Object.keys(reviewMessagesEn).sort();
    expect(Object.keys(en.callerReview).sort()).toEqual(codes);
    expect(Object.keys(zh.callerReview).sort()).toEqual(codes);
    for (const code of codes)
      expect(en.callerReview[code as keyof typeof en.callerReview], code).toBe(
        reviewMessagesEn[code as keyof typeof reviewMessagesEn],
      );
  });
});
