import type { RequestOptions } from '../core/request.js';
import { PAGING_QUERY, defineOperation } from './operation.js';
import type { Page, PagePromise } from './paging.js';
import { APIResource, runList } from './runner.js';
import type { KamaoEarningListParams, KamaoPayoutListParams, KamaoReportParams } from './schemas.js';

/** One commission earning. The platform's public pages do not document its fields. */
export interface KamaoEarning {
  [key: string]: unknown;
}

/** One payout. The platform's public pages do not document its fields. */
export interface KamaoPayout {
  [key: string]: unknown;
}

/** A commission report. The platform's public pages do not document its fields. */
export interface KamaoReport {
  [key: string]: unknown;
}

/** Operation rows of `vk.kamao.*`. */
export const kamaoOperations = {
  earnings: defineOperation<KamaoEarningListParams, Page<KamaoEarning>>({
    id: 'kamao.earnings',
    method: 'GET',
    path: '/api/v1/kamao/earnings',
    retry: 'read',
    schema: 'kamao.earnings',
    paged: true,
    query: PAGING_QUERY,
  }),
  payouts: defineOperation<KamaoPayoutListParams, Page<KamaoPayout>>({
    id: 'kamao.payouts',
    method: 'GET',
    path: '/api/v1/kamao/payouts',
    retry: 'read',
    schema: 'kamao.payouts',
    paged: true,
    query: PAGING_QUERY,
  }),
  reports: defineOperation<KamaoReportParams, KamaoReport>({
    id: 'kamao.reports',
    method: 'GET',
    path: '/api/v1/kamao/reports',
    retry: 'read',
    schema: 'kamao.reports',
  }),
} as const;

/** `vk.kamao`: commissions (Kamao) — earnings, payouts and reports. */
export class Kamao extends APIResource {
  /** `GET /api/v1/kamao/earnings`. Await for one page, or `for await` every earning. */
  earnings(params?: KamaoEarningListParams, options?: RequestOptions): PagePromise<KamaoEarning> {
    return runList(this._client, kamaoOperations.earnings, params, options);
  }

  /** `GET /api/v1/kamao/payouts`. Await for one page, or `for await` every payout. */
  payouts(params?: KamaoPayoutListParams, options?: RequestOptions): PagePromise<KamaoPayout> {
    return runList(this._client, kamaoOperations.payouts, params, options);
  }

  /** `GET /api/v1/kamao/reports` */
  reports(params?: KamaoReportParams, options?: RequestOptions): Promise<KamaoReport> {
    return this._client._run(kamaoOperations.reports, params, options);
  }
}
