// Checks an uploaded recording against the library's limits: format from its bytes (matching its file name), size, length.

import 'server-only';
import { audioLimits, AudioFileError, type AudioInfo } from './audio-limits';
import { looksLikeMp3, parseMp3 } from './parse-mp3';
import { looksLikeWav, parseWav } from './parse-wav';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The recording's format, codec and duration; throws AudioFileError with a code the studio translates. */
export function inspectAudio(fileName: string, bytes: Uint8Array): AudioInfo {
  if (bytes.length === 0) throw new AudioFileError('empty', 'The file is empty.');
  if (bytes.length > audioLimits.maxBytes) {
    throw new AudioFileError(
      'tooLarge',
      `The file is ${bytes.length} bytes; recordings can be at most ${audioLimits.maxBytes} bytes (10 MB).`,
      { size: bytes.length, max: audioLimits.maxBytes },
    );
  }
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const info = looksLikeWav(bytes) ? parseWav(bytes) : looksLikeMp3(bytes) ? parseMp3(bytes) : null;
  if (!info) throw new AudioFileError('notAudio', 'The file is neither a WAV nor an MP3 recording.');
  if (extension !== info.format) {
    throw new AudioFileError(
      'extensionMismatch',
      `The file is named .${extension || '(none)'} but holds ${info.format.toUpperCase()} audio; rename it to .${info.format}.`,
      { extension, format: info.format },
    );
  }
  if (info.sampleRate < audioLimits.minSampleRate || info.sampleRate > audioLimits.maxSampleRate) {
    throw new AudioFileError('sampleRate', `The sample rate is ${info.sampleRate} Hz; use 8,000 to 48,000 Hz.`, {
      rate: info.sampleRate,
    });
  }
  if (info.channels > audioLimits.maxChannels)
    throw new AudioFileError('channels', `The recording has ${info.channels} channels; use mono or stereo.`, {
      channels: info.channels,
    });
  if (info.durationMs < audioLimits.minDurationMs)
    throw new AudioFileError('tooShort', `The recording lasts ${info.durationMs} ms; it must be at least 0.1 s.`, {
      seconds: seconds(info.durationMs),
    });
  if (info.durationMs > audioLimits.maxDurationMs) {
    throw new AudioFileError(
      'tooLong',
      `The recording lasts ${seconds(info.durationMs)} s; it can be at most 10 minutes.`,
      { seconds: seconds(info.durationMs) },
    );
  }
  return info;
}
