// Reads a WAV file's RIFF header: codec, channels, sample rate and duration from the data chunk, refusing cut or odd files.

import 'server-only';
import { AudioFileError, type AudioInfo } from './audio-limits';

/** Past the end reads as 0, as String.fromCharCode took the undefined before. */
const ascii = (bytes: Uint8Array, at: number) =>
  String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);

export function looksLikeWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WAVE';
}

// Codecs FreeSWITCH plays from a .wav: linear PCM and the two G.711 companded forms.
const codecs: Record<number, { name: string; bits: number[] }> = {
  1: { name: 'PCM', bits: [8, 16] },
  6: { name: 'A-law', bits: [8] },
  7: { name: 'µ-law', bits: [8] },
};
const extensible = 0xfffe;

export function parseWav(bytes: Uint8Array): AudioInfo {
  if (!looksLikeWav(bytes)) throw new AudioFileError('notAudio', 'The file is not a WAV file (no RIFF/WAVE header).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt:
    | { codec: number; channels: number; sampleRate: number; byteRate: number; blockAlign: number; bits: number }
    | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + size > bytes.length)
        throw new AudioFileError('wavMalformed', 'The WAV file has a damaged format (fmt) chunk.');
      let codec = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real codec in the first two bytes of its sub-format GUID.
      if (codec === extensible && size >= 26) codec = view.getUint16(body + 24, true);
      fmt = {
        codec,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        byteRate: view.getUint32(body + 8, true),
        blockAlign: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!fmt)
        throw new AudioFileError('wavMalformed', 'The WAV file has its audio data before its format (fmt) chunk.');
      const available = bytes.length - body;
      if (size > available) {
        throw new AudioFileError(
          'wavTruncated',
          `The WAV file is cut short: it announces ${size} bytes of audio but holds ${available}.`,
          { announced: size, present: available },
        );
      }
      const known = codecs[fmt.codec];
      if (!known || !known.bits.includes(fmt.bits)) {
        throw new AudioFileError(
          'wavUnsupported',
          `The WAV codec (format ${fmt.codec}, ${fmt.bits}-bit) is not supported; use 8- or 16-bit PCM, A-law or µ-law.`,
          { codec: fmt.codec, bits: fmt.bits },
        );
      }
      const frameBytes = (fmt.channels * fmt.bits) / 8;
      if (fmt.channels < 1 || fmt.blockAlign !== frameBytes || fmt.byteRate !== fmt.sampleRate * frameBytes) {
        throw new AudioFileError(
          'wavMalformed',
          'The WAV header contradicts itself (byte rate or block size do not match channels and sample size).',
        );
      }
      return {
        format: 'wav',
        durationMs: Math.round((size / fmt.byteRate) * 1000),
        sampleRate: fmt.sampleRate,
        channels: fmt.channels,
        codec: known.name === 'PCM' ? `PCM ${fmt.bits}-bit` : known.name,
      };
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2);
  }
  throw new AudioFileError(
    'wavMalformed',
    fmt ? 'The WAV file has no audio data (data chunk).' : 'The WAV file has no format (fmt) chunk.',
  );
}
