// What a zh-CN page shows that is not Chinese: raw message keys and English words outside an allowlist of proper
// names and the user's own data. Reads visible text and the labels screen readers and tooltips announce.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { studioRoot } from './studio-server';

/** Every message key of the catalogue (`flows.updatedBy`), as next-intl shows a missing one. */
function catalogueKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') keys.add(prefix);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(JSON.parse(readFileSync(path.join(studioRoot, 'messages/en-US.json'), 'utf8')), '');
  return keys;
}

/** Proper names, formats and key names that stay Latin in a Chinese UI. */
const properNames = [
  'Callflow',
  'FreeSWITCH',
  'PostgreSQL',
  'PGlite',
  'CEL',
  'JSON',
  'HTTPS',
  'HTTP',
  'URL',
  'SIP',
  'API',
  'IVR',
  'DTMF',
  'TTS',
  'ESL',
  'ID',
  'CRM',
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'Enter',
  'Esc',
  'Tab',
  'Ctrl',
  'Shift',
  'Alt',
  'Cmd',
  'Backspace',
  'Delete',
  'Space',
  'Home',
  'End',
  'UTC',
  'GMT',
  'zh-CN',
  'en-US',
  'espeak-ng',
  'WAV',
  'MP3',
  'wav',
  'mp3',
  'React Flow',
  'ms',
  'Web',
  'Luhn',
  'sip',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface LanguageFinding {
  where: string;
  text: string;
  problem: 'raw key' | 'English' | 'console error' | 'step failed';
}

export class UiLanguageSweep {
  readonly findings: LanguageFinding[] = [];
  private readonly keys = catalogueKeys();
  private readonly allowed: string[];

  /** `userData`: strings the user typed (names, keys, addresses, prompt texts): shown as they are. */
  constructor(userData: readonly string[]) {
    this.allowed = [...new Set([...userData, ...properNames])]
      .filter((s) => s.length > 0)
      .sort((a, b) => b.length - a.length);
  }

  /** Records console errors and uncaught exceptions of `page`, labelled with what the sweep was looking at. */
  watchConsole(page: Page, where: () => string): void {
    page.on('console', (message) => {
      if (message.type() === 'error')
        this.findings.push({ where: where(), text: message.text(), problem: 'console error' });
    });
    page.on('pageerror', (error) => {
      this.findings.push({ where: where(), text: error.message, problem: 'console error' });
    });
  }

  /** Runs one step of the walk; a step that fails is a finding, and the walk goes on to the next. */
  async step(where: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.findings.push({
        where,
        text: String(error instanceof Error ? error.message.split('\n')[0] : error),
        problem: 'step failed',
      });
    }
  }

  /** Checks what `page` shows now (inside `scope` when given); Monaco's editor content is the user's JSON and skipped. */
  async check(page: Page, where: string, scope = 'body'): Promise<void> {
    const fragments = await page.evaluate((selector) => {
      const out: string[] = [document.title];
      const root = document.querySelector(selector) ?? document.body;
      const skipped = (el: Element) =>
        el.closest('.monaco-editor, script, style, noscript, .react-flow__attribution') !== null;
      // antd's icons carry their English icon name (aria-label="search"); the sweep reports the labels around them.
      const icon = (el: Element) => el.matches('span.anticon[role="img"]');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim();
        const el = n.parentElement;
        if (!text || !el || skipped(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
        out.push(text);
      }
      for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
        if (skipped(el) || icon(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
          const value = el.getAttribute(name)?.trim();
          if (value) out.push(value);
        }
      }
      return out;
    }, scope);
    for (const text of new Set(fragments)) {
      for (const token of text.match(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g) ?? []) {
        if (this.keys.has(token)) this.findings.push({ where, text, problem: 'raw key' });
      }
      let rest = text;
      for (const allowed of this.allowed)
        rest = rest.replace(
          new RegExp(/^\w/.test(allowed) ? `(?<![A-Za-z])${escape(allowed)}(?![A-Za-z])` : escape(allowed), 'g'),
          ' ',
        );
      // Addresses, template placeholders, flow keys and the port identifiers problems quote are data, not sentences.
      rest = rest
        .replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
        .replace(/https?:\/\/\S+/g, ' ')
        .replace(/\{\{[^}]*\}\}/g, ' ')
        .replace(/\bflow(-\d+)?\b/g, ' ')
        .replace(/出口标识 [\w-]+/g, ' ');
      if (/[A-Za-z]{2,}/.test(rest)) this.findings.push({ where, text, problem: 'English' });
    }
  }

  /** One line per finding, for the assertion message. */
  report(): string {
    const seen = new Set<string>();
    return this.findings
      .map((f) => `${f.problem} @ ${f.where}: ${f.text.slice(0, 200)}`)
      .filter((line) => !seen.has(line) && seen.add(line))
      .join('\n');
  }
}
