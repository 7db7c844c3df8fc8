/**
 * CIBIL: fetch a credit report (explicit consent required), check its status, list reports.
 *
 *   npx tsx examples/cibil.ts
 */
import { VistarkriyaClient } from 'vistarkriya';
import { MAGIC } from 'vistarkriya/sandbox';
import { type Log, expect, runIfMain } from './_harness.js';

export default async function cibil(log: Log): Promise<string> {
  const vk = new VistarkriyaClient();
  try {
    const report = await vk.cibil.fetch({
      pan: MAGIC.pan.valid,
      name: 'Ananya Iyer',
      mobile: '9876543210',
      dob: '14/08/1990',
      consent: true,
    });
    log(`report ${report.report_id}: ${report.status}, score ${report.score} (${report.score_band})`);
    expect(typeof report.report_id === 'string' && typeof report.score === 'number', 'a report with a score');

    const status = await vk.cibil.status({ report_id: report.report_id! });
    expect(status.status === 'COMPLETED', 'the fetched report is COMPLETED');
    log(`status of ${status.report_id}: ${status.status}`);

    const noHit = await vk.cibil.fetch({
      pan: MAGIC.pan.invalid,
      name: 'Rahul Das',
      mobile: '9123456789',
      consent: true,
    });
    expect(noHit.status === 'NO_RECORD', 'a PAN without bureau history is NO_RECORD');
    log(`PAN without credit history: ${noHit.status}`);

    const page = await vk.cibil.reports({ per_page: 10 });
    log(
      `reports: ${page.items.length} on page 1 of ${page.pagination.total_pages} (${page.pagination.total} in all)`,
    );
    expect(page.items[0]?.report_id === noHit.report_id, 'the newest report comes first');
    return `score ${report.score} fetched, ${page.pagination.total} reports listed`;
  } finally {
    await vk.close();
  }
}

await runIfMain(import.meta, cibil);
