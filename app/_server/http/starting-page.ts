// The answer while the studio starts: for a browser, a page in its language that names the current start-up phase,
// asks again every few seconds (updating the phase in place, for screen readers too) and reloads into the studio
// once it answers; the page's own poll gets the phase as JSON; anything else gets one line of text.
// No 'server-only' import: the start-up launcher uses it before Next is loaded.

import en from '../../../messages/en-US.json';
import zh from '../../../messages/zh-CN.json';
import { localeCookieName, resolveLocale, type Locale } from '../../_i18n/locales';

/** Where start-up is: set by the launcher as it goes (scripts/start.ts). */
export type StartupPhase = 'listening' | 'building' | 'database' | 'runtime' | 'next';

const texts: Record<Locale, typeof en.starting> = { 'en-US': en.starting, 'zh-CN': zh.starting };

/** Seconds between the page's reloads (also sent as Retry-After). */
export const startingRefreshSeconds = 3;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

// No timed reload (WCAG 2.2.1; axe's meta-refresh rule): the page asks for the phase and reloads only once the studio
// answers with anything but 503. Without scripts, the page's <noscript> refresh does the same more bluntly.
const pollScript = `(() => {
  const status = document.querySelector('[role=status]');
  const ask = async () => {
    try {
      const response = await fetch(location.href, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (response.status !== 503) return location.reload();
      const answer = await response.json();
      if (status && answer.text && status.textContent !== answer.text) status.textContent = answer.text;
    } catch {}
    setTimeout(ask, ${startingRefreshSeconds * 1000});
  };
  setTimeout(ask, ${startingRefreshSeconds * 1000});
})();`;

export interface StartingAnswer {
  contentType: string;
  body: string;
}

/**
 * @example
 * startingAnswer('building', { accept: 'text/html', 'accept-language': 'zh-CN' }).body; // '<!doctype html>…正在构建…'
 */
export function startingAnswer(
  phase: StartupPhase,
  headers: { accept?: string; 'accept-language'?: string; cookie?: string },
): StartingAnswer {
  const locale = resolveLocale(cookieValue(headers.cookie, localeCookieName), headers['accept-language'] ?? null);
  const t = texts[locale];
  const phaseText = t.phases[phase];
  const accept = headers.accept ?? '';
  if (accept.includes('application/json') && !accept.includes('text/html')) {
    return {
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ starting: true, phase, text: phaseText }),
    };
  }
  if (!accept.includes('text/html')) {
    return { contentType: 'text/plain; charset=utf-8', body: `${t.title} — ${phaseText}\n` };
  }
  const body = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<noscript><meta http-equiv="refresh" content="${startingRefreshSeconds}"></noscript>
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1f1f1f">
<main>
<h1 style="font-size: 1.5rem">${escapeHtml(t.title)}</h1>
<p role="status">${escapeHtml(phaseText)}</p>
<p>${escapeHtml(t.refresh.replace('{seconds}', String(startingRefreshSeconds)))}</p>
</main>
<script>${pollScript}</script>
</body>
</html>
`;
  return { contentType: 'text/html; charset=utf-8', body };
}
