// Walks an MP3 file's MPEG audio frames (after any ID3v2 tag) to get its exact duration, refusing files that are not MP3.

import 'server-only';
import { AudioFileError, type AudioInfo } from './audio-limits';

type Version = 'MPEG-1' | 'MPEG-2' | 'MPEG-2.5';

const bitrates: Record<'1' | '2', number[]> = {
  // kbit/s by index 1–14 (0 is "free format", 15 is invalid) for Layer III.
  '1': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const sampleRates: Record<Version, number[]> = {
  'MPEG-1': [44100, 48000, 32000],
  'MPEG-2': [22050, 24000, 16000],
  'MPEG-2.5': [11025, 12000, 8000],
};

interface FrameHeader {
  version: Version;
  bitrate: number;
  sampleRate: number;
  channels: number;
  length: number;
  samples: number;
}

/** The byte at `at`, 0 past the end (as a bitwise operator takes undefined). */
const byteAt = (bytes: Uint8Array, at: number): number => bytes[at] ?? 0;

/** The Layer III frame header at `at`, or null when the bytes there are not one. */
export function readFrameHeader(bytes: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (byteAt(bytes, at + 1) & 0xe0) !== 0xe0) return null;
  const versionBits = (byteAt(bytes, at + 1) >> 3) & 3;
  const layerBits = (byteAt(bytes, at + 1) >> 1) & 3;
  if (versionBits === 1 || layerBits !== 1) return null;
  const version: Version = versionBits === 3 ? 'MPEG-1' : versionBits === 2 ? 'MPEG-2' : 'MPEG-2.5';
  const bitrateIndex = byteAt(bytes, at + 2) >> 4;
  const rateIndex = (byteAt(bytes, at + 2) >> 2) & 3;
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const bitrate = bitrates[version === 'MPEG-1' ? '1' : '2'][bitrateIndex];
  const sampleRate = sampleRates[version][rateIndex];
  if (bitrate === undefined || sampleRate === undefined) return null; // never: bitrateIndex is 1–14 and rateIndex 0–2 here
  const padding = (byteAt(bytes, at + 2) >> 1) & 1;
  const samples = version === 'MPEG-1' ? 1152 : 576;
  const length = Math.floor(((samples / 8) * bitrate * 1000) / sampleRate) + padding;
  return { version, bitrate, sampleRate, channels: byteAt(bytes, at + 3) >> 6 === 3 ? 1 : 2, length, samples };
}

/** Bytes taken by a leading ID3v2 tag (0 when there is none); its size is a 28-bit "synchsafe" number. */
function id3v2Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size =
    ((byteAt(bytes, 6) & 0x7f) << 21) |
    ((byteAt(bytes, 7) & 0x7f) << 14) |
    ((byteAt(bytes, 8) & 0x7f) << 7) |
    (byteAt(bytes, 9) & 0x7f);
  const footer = byteAt(bytes, 5) & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

const isTag = (bytes: Uint8Array, at: number, tag: string) =>
  [...tag].every((char, i) => bytes[at + i] === char.charCodeAt(0));

export function looksLikeMp3(bytes: Uint8Array): boolean {
  const start = id3v2Length(bytes);
  return start > 0 ? start < bytes.length : readFrameHeader(bytes, 0) !== null;
}

// Encoders may pad between the tag and the first frame; look this far for two frames in a row.
const syncSearchBytes = 4096;

export function parseMp3(bytes: Uint8Array): AudioInfo {
  let offset = id3v2Length(bytes);
  const searchEnd = Math.min(bytes.length, offset + syncSearchBytes);
  let first: FrameHeader | null = null;
  for (; offset < searchEnd; offset++) {
    const header = readFrameHeader(bytes, offset);
    // A false sync (0xFF 0xE… inside the tag's padding) is unlikely to be followed by a second valid header.
    if (header && (offset + header.length >= bytes.length || readFrameHeader(bytes, offset + header.length))) {
      first = header;
      break;
    }
  }
  if (!first)
    throw new AudioFileError(
      'mp3Malformed',
      'No MPEG Layer III audio frame was found: the file is not an MP3 recording.',
    );

  let frames = 0;
  let samples = 0;
  while (offset < bytes.length) {
    const header = readFrameHeader(bytes, offset);
    if (!header) {
      // Trailing tags (ID3v1, APE, Lyrics3) end the audio; anything else is damage.
      if (
        isTag(bytes, offset, 'TAG') ||
        isTag(bytes, offset, 'APETAGEX') ||
        isTag(bytes, offset, 'LYRICSBEGIN') ||
        bytes.length - offset < 4
      )
        break;
      throw new AudioFileError(
        'mp3Malformed',
        `The MP3 file is damaged: byte ${offset} is not the start of an audio frame (after ${frames} frames).`,
        { offset, frames },
      );
    }
    if (header.sampleRate !== first.sampleRate) {
      throw new AudioFileError(
        'mp3Malformed',
        `The MP3 file changes its sample rate (${first.sampleRate} → ${header.sampleRate} Hz) at byte ${offset}.`,
        { offset, frames },
      );
    }
    // A last frame cut short still plays its header's worth of audio in most players; count only whole frames.
    if (offset + header.length > bytes.length) break;
    frames += 1;
    samples += header.samples;
    offset += header.length;
  }
  if (frames === 0) throw new AudioFileError('mp3Malformed', 'The MP3 file holds no complete audio frame.');
  return {
    format: 'mp3',
    durationMs: Math.round((samples / first.sampleRate) * 1000),
    sampleRate: first.sampleRate,
    channels: first.channels,
    codec: `${first.version} Layer III`,
  };
}
