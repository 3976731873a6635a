// While the studio starts, a browser gets a page in its language naming the start-up phase, which reloads itself.

import { afterEach, describe, expect, it } from 'vitest';
import { listenStudioServer, listeningPort, type StudioServer } from '../../../app/_server/http/studio-server';
import { trustProxyFrom } from '../../../schemas/trust-proxy';

let studio: StudioServer | undefined;
afterEach(async () => {
  await studio?.close();
  studio = undefined;
});

describe('the starting page', () => {
  it('names the current phase in the browser language and reloads itself; plain clients get one line', async () => {
    studio = await listenStudioServer({ host: '127.0.0.1', port: 0, trustProxy: trustProxyFrom(undefined) });
    const base = `http://127.0.0.1:${listeningPort(studio)}`;
    studio.setPhase('database');
    const zh = await fetch(`${base}/flows`, {
      headers: { accept: 'text/html,*/*', 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(zh.status).toBe(503);
    expect(zh.headers.get('content-type')).toContain('text/html');
    expect(zh.headers.get('retry-after')).toBe('3');
    const html = await zh.text();
    // It polls rather than reloading on a timer (a timed refresh is an accessibility failure); without scripts it refreshes.
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="3"></noscript>');
    expect(html).toContain("fetch(location.href, { headers: { accept: 'application/json' }");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('正在打开并更新数据库');

    studio.setPhase('next');
    const en = await fetch(`${base}/`, { headers: { accept: 'text/html', cookie: 'NEXT_LOCALE=en-US' } });
    expect(await en.text()).toContain('Starting the web studio');

    const poll = await fetch(`${base}/flows`, { headers: { accept: 'application/json', 'accept-language': 'zh-CN' } });
    expect(poll.status).toBe(503);
    expect(await poll.json()).toEqual({ starting: true, phase: 'next', text: '正在启动网页工作室…' });

    const plain = await fetch(`${base}/api/health`);
    expect(plain.headers.get('content-type')).toContain('text/plain');
    expect(await plain.text()).toBe('Callflow Studio is starting — Starting the web studio…\n');
  });
});
