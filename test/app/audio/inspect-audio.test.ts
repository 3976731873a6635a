// Prompt audio checks: WAV headers and MP3 frames give format and duration; bad, cut, odd, long or misnamed files are refused by code.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AudioFileError } from '../../../app/_server/audio/audio-limits';
import { inspectAudio } from '../../../app/_server/audio/inspect-audio';
import { parseMp3, readFrameHeader } from '../../../app/_server/audio/parse-mp3';
import { parseWav } from '../../../app/_server/audio/parse-wav';
import { makeWav } from './make-wav';

const realMp3 = new Uint8Array(
  readFileSync(new URL('../../fixtures/app/audio/lavf-mpeg2-layer3.mp3', import.meta.url)),
);

function refusal(run: () => unknown): AudioFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof AudioFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** MPEG-1 Layer III frames of 128 kbit/s at 44.1 kHz (417 bytes each, 1152 samples), mono, zero payload. */
function mp3Frames(count: number): Uint8Array {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  return new Uint8Array(Buffer.concat(Array.from({ length: count }, () => frame)));
}

describe('parseWav', () => {
  it('reads 16-bit PCM mono at 8 kHz: 2.5 s', () => {
    expect(parseWav(makeWav({ seconds: 2.5 }))).toEqual({
      format: 'wav',
      durationMs: 2500,
      sampleRate: 8000,
      channels: 1,
      codec: 'PCM 16-bit',
    });
  });

  it('reads µ-law and stereo 16 kHz files, skipping chunks before fmt', () => {
    expect(parseWav(makeWav({ codec: 7, bits: 8, seconds: 1.2 }))).toMatchObject({ codec: 'µ-law', durationMs: 1200 });
    expect(parseWav(makeWav({ channels: 2, sampleRate: 16000, seconds: 0.5, listChunk: true }))).toMatchObject({
      channels: 2,
      sampleRate: 16000,
      durationMs: 500,
    });
  });

  it('refuses a file cut short, naming both sizes', () => {
    const error = refusal(() => parseWav(makeWav({ seconds: 1, truncate: 1000 })));
    expect(error.code).toBe('wavTruncated');
    expect(error.params).toEqual({ announced: 16000, present: 15000 });
  });

  it('refuses float and 24-bit codecs as unsupported', () => {
    expect(refusal(() => parseWav(makeWav({ codec: 3, bits: 32 }))).code).toBe('wavUnsupported');
    expect(refusal(() => parseWav(makeWav({ bits: 24 }))).code).toBe('wavUnsupported');
  });

  it('refuses a header whose byte rate contradicts its format', () => {
    const wav = makeWav();
    new DataView(wav.buffer, wav.byteOffset).setUint32(28, 12345, true);
    expect(refusal(() => parseWav(wav)).code).toBe('wavMalformed');
  });
});

describe('parseMp3', () => {
  it('reads a real LAME/Lavf MPEG-2 Layer III file behind an ID3v2 tag', () => {
    const info = parseMp3(realMp3);
    // 32-byte tag, then 45 frames of 64 kbit/s at 22.05 kHz (208–209 bytes, 576 samples each): 25,920 samples = 1,176 ms.
    expect(info).toEqual({
      format: 'mp3',
      codec: 'MPEG-2 Layer III',
      sampleRate: 22050,
      channels: 1,
      durationMs: 1176,
    });
  });

  it('sums every frame: 100 frames of 1152 samples at 44.1 kHz last 2,612 ms', () => {
    expect(readFrameHeader(mp3Frames(1), 0)).toMatchObject({
      version: 'MPEG-1',
      bitrate: 128,
      sampleRate: 44100,
      length: 417,
    });
    expect(parseMp3(mp3Frames(100)).durationMs).toBe(2612);
  });

  it('stops at a trailing ID3v1 tag and refuses garbage in the middle', () => {
    const tag = Buffer.alloc(128);
    tag.write('TAG');
    expect(parseMp3(new Uint8Array(Buffer.concat([mp3Frames(10), tag]))).durationMs).toBe(261);
    const damaged = new Uint8Array(Buffer.concat([mp3Frames(10), Buffer.alloc(500, 0x41), mp3Frames(10)]));
    const error = refusal(() => parseMp3(damaged));
    expect(error.code).toBe('mp3Malformed');
    expect(error.params).toEqual({ offset: 4170, frames: 10 });
  });
});

describe('inspectAudio', () => {
  it('accepts a WAV named .wav and an MP3 named .MP3', () => {
    expect(inspectAudio('welcome.wav', makeWav()).format).toBe('wav');
    expect(inspectAudio('welcome.MP3', realMp3).format).toBe('mp3');
  });

  it('refuses a file whose name says another format than its bytes', () => {
    const error = refusal(() => inspectAudio('welcome.mp3', makeWav()));
    expect(error.code).toBe('extensionMismatch');
    expect(error.params).toEqual({ extension: 'mp3', format: 'wav' });
  });

  it('refuses an empty file, a text file, and a file over 10 MB', () => {
    expect(refusal(() => inspectAudio('a.wav', new Uint8Array())).code).toBe('empty');
    expect(refusal(() => inspectAudio('a.wav', new TextEncoder().encode('hello, not audio'))).code).toBe('notAudio');
    expect(refusal(() => inspectAudio('a.wav', new Uint8Array(10 * 1024 * 1024 + 1))).code).toBe('tooLarge');
  });

  it('refuses recordings shorter than 0.1 s or longer than 10 minutes, and odd sample rates', () => {
    expect(refusal(() => inspectAudio('a.wav', makeWav({ seconds: 0.05 }))).code).toBe('tooShort');
    const long = refusal(() => inspectAudio('a.wav', makeWav({ bits: 8, codec: 7, seconds: 601 })));
    expect(long.code).toBe('tooLong');
    expect(long.params).toEqual({ seconds: 601 });
    expect(refusal(() => inspectAudio('a.wav', makeWav({ sampleRate: 96000, seconds: 0.2 }))).code).toBe('sampleRate');
  });
});
