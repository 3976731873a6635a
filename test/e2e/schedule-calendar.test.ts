// Browser: the editor's schedule calendar shows, per day, what the small-business template's office-hours node
// answers (National Day holiday, the 调休 make-up Saturday) and, per hour of a selected day, the port and next node.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe';
import { apiMutation } from './helpers/api';
import { useStudio } from './helpers/studio-test';

describe('schedule calendar', () => {
  const studio = useStudio();

  async function openCalendar(page: Page, button: string) {
    const created = await apiMutation<{ id: string }>(page, 'flows.create', {
      name: `Lotus ${Date.now()}`,
      template: 'small-business',
    });
    await studio.goto(page, `/flows/${created.id}`);
    // The canvas's label is translated; its class is not.
    await page.locator('.cf-canvas').waitFor();
    await page.getByRole('button', { name: button }).click();
    await page.locator('.cf-calendar').waitFor();
    // Type the month into the month picker: October 2026, with the National Day holiday and a make-up Saturday.
    const month = page.locator('.cf-calendar-controls input').first();
    await month.click();
    await month.fill('2026-10');
    await month.press('Enter');
    await page.locator('.cf-calendar-day[data-date="2026-10-01"]').waitFor();
  }

  it('shows the holiday and the make-up working day, and the hours of a selected day with where each leads', async () => {
    const page = await studio.signedInPage();
    await openCalendar(page, 'Calendar');
    const day = (date: string) => page.locator(`.cf-calendar-day[data-date="${date}"]`);
    // The outcome says it is a holiday; the tag says which one (not "Holiday" twice).
    expect(await day('2026-10-01').innerText()).toMatch(/^Holiday\s*国庆节 National Day$/);
    const makeUp = await day('2026-10-10').innerText();
    expect(makeUp).toContain('Open 09:00–18:00');
    expect(makeUp).toContain('Make-up working day');
    expect(await day('2026-10-11').innerText()).toContain('Closed all day');
    expect(await day('2026-10-12').innerText()).toContain('Open 09:00–18:00');

    await day('2026-10-10').click();
    const hours = page.getByRole('region', { name: 'Hours of 2026-10-10' });
    await hours.waitFor();
    expect(await hours.innerText()).toContain('Make-up working day');
    expect(await hours.locator('tr[data-hour="10"]').innerText()).toMatch(/Open\s*→ Main menu/);
    expect(await hours.locator('tr[data-hour="20"]').innerText()).toMatch(/Closed\s*→ Closed/);

    await day('2026-10-02').click();
    const holiday = page.getByRole('region', { name: 'Hours of 2026-10-02' });
    expect(await holiday.locator('tr[data-hour="10"]').innerText()).toMatch(/Holiday\s*→ Public holiday/);
    await expectAccessible(page);
  });

  it('is translated: a browser preferring Chinese sees 调休上班 and 节假日', async () => {
    const page = await studio.newPage({ locale: 'zh-CN' });
    await studio.signIn(page);
    await openCalendar(page, '日历');
    expect(await page.locator('.cf-calendar-day[data-date="2026-10-10"]').innerText()).toContain('调休上班');
    expect(await page.locator('.cf-calendar-day[data-date="2026-10-01"]').innerText()).toMatch(
      /^节假日\s*国庆节 National Day$/,
    );
    await expectAccessible(page);
  });
});
