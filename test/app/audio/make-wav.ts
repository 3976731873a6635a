// Builds WAV files for tests: a RIFF header with fmt and data chunks around a tone (or silence) of the given length.

export interface WavOptions {
  sampleRate?: number;
  channels?: number;
  bits?: number;
  /** 1 PCM, 6 A-law, 7 µ-law, 3 IEEE float. */
  codec?: number;
  seconds?: number;
  /** Cut this many bytes off the end (a truncated upload). */
  truncate?: number;
  /** Put a LIST chunk before fmt, as many editors do. */
  listChunk?: boolean;
}

export function makeWav(options: WavOptions = {}): Uint8Array {
  const {
    sampleRate = 8000,
    channels = 1,
    bits = 16,
    codec = 1,
    seconds = 1,
    truncate = 0,
    listChunk = false,
  } = options;
  const blockAlign = (channels * bits) / 8;
  const dataSize = Math.round(sampleRate * seconds) * blockAlign;
  const list = listChunk ? 8 + 4 : 0;
  const buffer = Buffer.alloc(12 + list + 24 + 8 + dataSize);
  let at = 0;
  const text = (value: string) => (at += buffer.write(value, at, 'ascii'));
  text('RIFF');
  at = buffer.writeUInt32LE(buffer.length - 8, at);
  text('WAVE');
  if (listChunk) {
    text('LIST');
    at = buffer.writeUInt32LE(4, at);
    text('INFO');
  }
  text('fmt ');
  at = buffer.writeUInt32LE(16, at);
  at = buffer.writeUInt16LE(codec, at);
  at = buffer.writeUInt16LE(channels, at);
  at = buffer.writeUInt32LE(sampleRate, at);
  at = buffer.writeUInt32LE(sampleRate * blockAlign, at);
  at = buffer.writeUInt16LE(blockAlign, at);
  at = buffer.writeUInt16LE(bits, at);
  text('data');
  at = buffer.writeUInt32LE(dataSize, at);
  // A 440 Hz tone, so a recording played in the browser is audible.
  if (bits === 16)
    for (let i = 0; at + 2 <= buffer.length; i++)
      at = buffer.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), at);
  return new Uint8Array(buffer.subarray(0, buffer.length - truncate));
}
