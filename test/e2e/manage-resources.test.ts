// Browser: the shared resources — a schedule with weekly hours and a holiday, a skill group, an agent with a skill level,
// an integration with a write-only secret and real calls from the simulator turned off, and a prompt recording uploaded, refused when bad, and played back.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWav } from '../app/audio/make-wav';
import { chooseOption } from './helpers/antd';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

const files = mkdtempSync(path.join(tmpdir(), 'callflow-e2e-audio-'));

describe('manage resources', () => {
  const studio = useStudio();

  it('a schedule is created with Saturday hours and a holiday picked on the calendar, and reopens with both', async () => {
    const page = await studio.signedInPage();
    await studio.goto(page, '/resources/schedules');
    await page.getByText('No schedules yet', { exact: false }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'New schedule' }).click();
    await page.getByRole('heading', { name: 'New schedule' }).waitFor();
    await studio.hydrated(page);
    // The day dialog's form is rendered (hidden) outside <main>; scope to the page's own form.
    const main = page.getByRole('main');
    await main.getByLabel('Key').fill('support-hours');
    await main.getByLabel('Name').fill('Support hours');
    // Monday–Friday start open 09:00–18:00; Saturday gets hours too.
    const saturday = page.getByRole('row', { name: /^Saturday/ });
    await expect(saturday.getByText('Closed').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await expect.poll(() => saturday.getByRole('textbox').first().inputValue()).toBe('09:00');
    // A holiday: click the 15th of the month shown, mark it a holiday with a name.
    await page.getByRole('cell', { name: /^15$/ }).first().click();
    const day = page.getByRole('dialog');
    await day.getByRole('radio', { name: 'Holiday' }).check();
    await day.getByLabel('Name').fill('Company day');
    await day.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('row', { name: /Holiday Company day/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/resources\/schedules\/[0-9a-f-]{36}$/);
    await page.reload();
    await studio.hydrated(page);
    await page.getByRole('heading', { name: 'Schedule support-hours' }).waitFor();
    await expect(page.getByRole('row', { name: /Holiday Company day/ }).isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByRole('row', { name: /^Saturday/ })
        .getByRole('textbox')
        .nth(1)
        .inputValue(),
    ).resolves.toBe('18:00');
    await studio.goto(page, '/resources/schedules');
    // The list loads in the browser: wait for the row rather than checking at once.
    await page
      .getByRole('row', { name: /support-hours/ })
      .getByText('1 holiday, no special days')
      .waitFor();
  });

  it('a skill group and an agent with level 8 in it are created and listed', async () => {
    const page = await studio.signedInPage();
    await studio.goto(page, '/resources/skill-groups');
    await page.getByRole('button', { name: 'New skill group' }).click();
    const groupDialog = page.getByRole('dialog', { name: 'New skill group' });
    await groupDialog.getByLabel('Key').fill('billing');
    await groupDialog.getByLabel('Name').fill('Billing desk');
    await groupDialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /billing/ }).waitFor();
    await expectAccessible(page);

    await studio.goto(page, '/resources/agents');
    await page.getByRole('button', { name: 'New agent' }).click();
    const agentDialog = page.getByRole('dialog', { name: 'New agent' });
    await agentDialog.getByLabel('Name').fill('Li Na');
    await agentDialog.getByLabel('Contact').fill('user/1001');
    await agentDialog.getByRole('button', { name: 'Add skill' }).click();
    await agentDialog.getByLabel('Skill group 1').click();
    await chooseOption(page, 'Billing desk (billing)');
    await agentDialog.getByLabel('Level 1').fill('8');
    await agentDialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /Li Na/ });
    await row.getByText('Billing desk · 8').waitFor();
    await expectAccessible(page);
  });

  it('an integration keeps its secret write-only: saved, shown as set, never filled back into the form', async () => {
    const page = await studio.signedInPage();
    await studio.goto(page, '/resources/integrations');
    await page.getByRole('button', { name: 'New integration' }).click();
    const dialog = page.getByRole('dialog', { name: 'New integration' });
    await dialog.getByLabel('Key').fill('crm');
    await dialog.getByLabel('Base URL').fill('https://crm.example.com/api');
    await dialog.getByLabel('Secret value').fill('Bearer top-secret-token');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /crm\.example\.com/ });
    await row.getByText('Authorization set').waitFor();
    await expect(page.content()).resolves.not.toContain('top-secret-token');
    await row.getByRole('button', { name: 'Edit: crm' }).click();
    const edit = page.getByRole('dialog', { name: 'Integration crm' });
    await expect(edit.getByLabel('Secret value').inputValue()).resolves.toBe('');
    await expectAccessible(page);
    // Real calls from the simulator are on for a new integration; an administrator turns them off (production).
    const simulatorCalls = edit.getByRole('checkbox', { name: 'Allow real calls from the simulator' });
    await expect(simulatorCalls.isChecked()).resolves.toBe(true);
    await simulatorCalls.uncheck();
    await edit.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Mocks only').waitFor();
    await row.getByRole('button', { name: 'Edit: crm' }).click();
    await expect(
      page
        .getByRole('dialog', { name: 'Integration crm' })
        .getByRole('checkbox', { name: 'Allow real calls from the simulator' })
        .isChecked(),
    ).resolves.toBe(false);
  });

  it('a WAV recording is uploaded with its length read from the file, plays back from the server, and a broken file is refused', async () => {
    const good = path.join(files, 'welcome.wav');
    writeFileSync(good, makeWav({ seconds: 1.5 }));
    const cut = path.join(files, 'cut.wav');
    writeFileSync(cut, makeWav({ seconds: 1, truncate: 1000 }));

    const page = await studio.signedInPage();
    await studio.goto(page, '/resources/audio');
    await page.getByLabel('Key').fill('welcome');
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const row = page.getByRole('row', { name: /welcome\.wav/ });
    await row.waitFor();
    await expect(row.getByText('1.5 s').isVisible()).resolves.toBe(true);
    await expect(row.getByText('WAV · PCM 16-bit · 8,000 Hz · mono').isVisible()).resolves.toBe(true);
    const player = row.getByLabel('Play welcome (zh-CN)');
    const source = await player.getAttribute('src');
    expect(source).toMatch(/^\/api\/audio\/[0-9a-f-]{36}$/);
    // The browser loads the recording and reads its real length.
    await player.evaluate(
      (audio: HTMLAudioElement) =>
        new Promise((resolve, reject) => {
          audio.addEventListener('loadedmetadata', resolve, { once: true });
          audio.addEventListener('error', () => reject(new Error('the audio element could not load the recording')), {
            once: true,
          });
          audio.load();
        }),
    );
    expect(await player.evaluate((audio: HTMLAudioElement) => Math.round(audio.duration * 10) / 10)).toBe(1.5);
    await expectAccessible(page);

    await page.getByLabel('Key').fill('broken');
    await page.locator('input[type=file]').setInputFiles(cut);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page
      .getByText('The WAV file is cut short: it announces 16,000 bytes of audio but holds 15,000.', { exact: false })
      .waitFor();
    await expect(page.getByRole('row', { name: /cut\.wav/ }).count()).resolves.toBe(0);
  });
});
