// The text shown instead of anything sensitive (keyed card numbers, prompts reading them back) in logs and events.

export const MASK = '••••';
