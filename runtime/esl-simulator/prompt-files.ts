// Which prompt strings FreeSWITCH 1.10.12 can play as the file of play_and_get_digits (the modules of fixtures/esl).

/**
 * Why FreeSWITCH cannot play `file` as an input prompt, or undefined when it can. Recorded in
 * outbound-play-and-get-digits-file-string-say.txt: `file_string://` opens every piece as a file, so `say:`, `phrase:`
 * and `tts://` pieces inside it fail ("Invalid file format"); `tts://` needs mod_ssml (not loaded); a lone `say:`
 * needs the channel's tts_engine and tts_voice. A lone `phrase:` macro, files, `silence_stream://` and
 * `tone_stream://` play.
 */
export function promptPlayable(file: string, variables: Record<string, string>): string | undefined {
  if (file.startsWith('file_string://')) {
    const bad = file
      .slice('file_string://'.length)
      .split('!')
      .find((piece) => /^(say:|phrase:|tts:\/\/)/.test(piece));
    return bad === undefined ? undefined : `Invalid file format [] for [${bad}]`;
  }
  if (file.startsWith('tts://')) return 'Invalid file format [tts] (mod_ssml is not loaded)';
  if (file.startsWith('say:') && !(variables.tts_engine && variables.tts_voice))
    return 'say: without tts_engine and tts_voice';
  return undefined;
}
