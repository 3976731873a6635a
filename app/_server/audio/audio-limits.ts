// What the prompt audio library accepts: formats, size and length (README "Prompt audio").

export const audioLimits = {
  /** Largest upload in bytes (10 MB). */
  maxBytes: 10 * 1024 * 1024,
  /** Largest upload request: the largest file plus the multipart framing around it (key, language, file name). */
  maxRequestBytes: 10 * 1024 * 1024 + 64 * 1024,
  /** Longest recording in milliseconds (10 minutes). */
  maxDurationMs: 10 * 60 * 1000,
  /** Shortest recording (a tenth of a second): anything shorter is a broken file, not a prompt. */
  minDurationMs: 100,
  minSampleRate: 8_000,
  maxSampleRate: 48_000,
  maxChannels: 2,
} as const;

export type AudioFormat = 'wav' | 'mp3';

/** What the server learned from a file's own bytes. */
export interface AudioInfo {
  format: AudioFormat;
  durationMs: number;
  sampleRate: number;
  channels: number;
  /** e.g. "PCM 16-bit", "µ-law", "MPEG-2 Layer III 24 kbit/s". */
  codec: string;
}

export type AudioErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'notAudio'
  | 'extensionMismatch'
  | 'wavMalformed'
  | 'wavTruncated'
  | 'wavUnsupported'
  | 'mp3Malformed'
  | 'sampleRate'
  | 'channels'
  | 'tooShort'
  | 'tooLong';

/** A refused upload: `code` and `params` let the studio say it in the user's language; `message` is the English sentence. */
export class AudioFileError extends Error {
  override name = 'AudioFileError';
  constructor(
    readonly code: AudioErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
