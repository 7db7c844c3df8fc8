import { notFound, ok, validationError } from '../envelope.js';
import { idOf, isoAt, maskAllButLast4, personName, rng } from '../data.js';
import { magicOutcome } from '../magic.js';
import type { RouteResult } from '../types.js';
import {
  type PlatformContext,
  type PlatformHandler,
  isResult,
  nextId,
  paginate,
  withMagic,
} from './common.js';

const DAY = 86_400_000;

function band(score: number): string {
  if (score >= 750) return 'EXCELLENT';
  if (score >= 700) return 'GOOD';
  if (score >= 650) return 'FAIR';
  return 'POOR';
}

function report(id: string, pan: string, name: string, createdAt: string): Record<string, unknown> {
  const r = rng(`cibil:${pan}`);
  const score = 580 + Math.floor(r() * 270);
  return {
    report_id: id,
    status: 'COMPLETED',
    pan_masked: maskAllButLast4(pan),
    name,
    score,
    score_band: band(score),
    report_date: createdAt,
    accounts_summary: {
      total_accounts: 1 + Math.floor(r() * 8),
      active_accounts: 1 + Math.floor(r() * 4),
      overdue_accounts: r() < 0.2 ? 1 : 0,
      total_outstanding: Math.round(r() * 850000 * 100) / 100,
      currency: 'INR',
    },
    enquiries_last_6_months: Math.floor(r() * 5),
  };
}

/** 23 historic reports, newest first. */
const HISTORY = Array.from({ length: 23 }, (_, i) => {
  const r = rng(`cibil.history:${i}`);
  const pan = `${'ABCDEFGHJK'[i % 10]}${'PQRSTUVWXY'[(i * 3) % 10]}${'LMNOPQRSTU'[(i * 7) % 10]}P${'ABCDEFGHJK'[(i * 5) % 10]}${String(1000 + i * 37).slice(-4)}${'ZYXWVUTSRQ'[i % 10]}`;
  return report(idOf('CIB', 7000 - i), pan, personName(r), isoAt(i * 3 * DAY + 5 * 3_600_000));
});

function fetchReport(ctx: PlatformContext): RouteResult {
  // pan, name, mobile, dob and consent passed the row's rules (the client's).
  const pan = ctx.input.pan as string;
  const name = ctx.input.name as string;
  if (name.trim().length < 2) return validationError('name must have at least 2 characters.');
  return withMagic(magicOutcome('cibil', pan), ctx, 'The credit bureau', (outcome) => {
    const id = nextId(ctx.state, 'CIBR');
    const full = report(id, pan, name, isoAt(-60_000));
    const result =
      outcome === 'valid'
        ? full
        : {
            report_id: id,
            status: outcome === 'invalid' ? 'NO_RECORD' : 'NAME_MISMATCH',
            pan_masked: full.pan_masked,
            name,
            score: null,
            report_date: full.report_date,
          };
    ctx.state.cibilReports.set(id, result);
    return ok(result);
  });
}

function status(ctx: PlatformContext): RouteResult {
  const id = String(ctx.input.report_id);
  const found = ctx.state.cibilReports.get(id) ?? HISTORY.find((r) => r.report_id === id);
  return found ? ok(found) : notFound(`No CIBIL report with report_id ${id}.`);
}

/** cibil.reports, cibil.fetch, cibil.status */
export const CIBIL_HANDLERS: Record<string, PlatformHandler> = {
  'cibil.reports': (ctx) => {
    const page = paginate([...[...ctx.state.cibilReports.values()].reverse(), ...HISTORY], ctx.input);
    return isResult(page) ? page : ok(page);
  },
  'cibil.fetch': fetchReport,
  'cibil.status': status,
};
