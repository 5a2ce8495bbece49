import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startE2E, type E2E } from './harness.js';
import type { SummaryReport } from '../../src/shared/summary/report.js';

/**
 * 年度工作报告 in Chromium: a leader opens it from the menu, reads each section's figures as the
 * server counted them, follows 收到提案 to the proposal list of that year's session, which holds as
 * many proposals as the figure says; the general office writes its words under a section, saves a
 * version and downloads it as .docx.
 */
describe('the yearly work report (Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('leader-reads-work-report: figures as counted, one opening its list; the office saves a version with its words and downloads it', async () => {
    const leader = await e2e.as('leader');
    await leader.goto(`${e2e.base}/`);
    await leader.getByRole('menuitem', { name: '年度工作报告' }).click();
    await leader.waitForURL(/\/summary$/);
    await leader.getByTestId('summary-proposals').waitFor();
    expect(await leader.locator('h1').count()).toBe(1);
    const year = new Date().getFullYear();
    const report = await leader.evaluate(async (y) => (await (await fetch(`/api/summary?year=${y}`)).json()) as SummaryReport, year);
    for (const s of report.sections) {
      for (const f of s.figures) {
        const shown = await leader.getByTestId(`summary-${s.key}-${f.key}`).locator('.ant-statistic-content-value').innerText();
        expect(Number(shown.replace(/,/g, '')), `${s.title} · ${f.label}`).toBe(f.value);
      }
    }
    await shot(leader, 'summary-leader');

    const received = report.sections.find((s) => s.key === 'proposals')!.figures.find((f) => f.key === 'received')!;
    await leader.getByRole('link', { name: '查看收到提案清单' }).click();
    await leader.waitForURL(/\/proposals\/all\?session=/);
    await leader.getByText(`共 ${received.value} 件`).waitFor();

    // the general office writes its words under 提案工作 and saves a version, then downloads it
    const office = await e2e.as('office');
    await office.goto(`${e2e.base}/summary`);
    await office.getByTestId('summary-proposals').waitFor();
    await office.getByLabel('提案工作说明文字').fill('提案办理协商更加充分，办理质量进一步提高。');
    await office.getByTestId('summary-save').click();
    await office.getByText('提案办理协商更加充分，办理质量进一步提高。').waitFor();
    await office.getByText(/（第\d+版，/).waitFor();
    await shot(office, 'summary-office-version');
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('summary-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/年度工作报告（数据）（第\d+版）\.docx$/);
  });
});
