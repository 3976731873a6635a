// Preview of a TTS prompt with the browser's speech synthesis; `{{holes}}` are read as the variable's name.

/** The text the preview speaks: holes become their expression, e.g. "Order {{orderId}}" → "Order orderId". */
export function previewText(template: string): string {
  return template.replace(/\\\{\{/g, '{{').replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, '$1');
}

export function canSpeak(): boolean {
  return (
    typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined'
  );
}

/** Speak the text in the language (stopping any preview still speaking); returns false when the browser cannot. */
export function speakPreview(template: string, language: string): boolean {
  if (!canSpeak()) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(previewText(template));
  utterance.lang = language;
  window.speechSynthesis.speak(utterance);
  return true;
}
