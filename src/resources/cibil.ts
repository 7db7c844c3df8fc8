import type { RequestOptions } from '../core/request.js';
import { PAGING_QUERY, defineOperation } from './operation.js';
import type { Page, PagePromise } from './paging.js';
import { APIResource, runList } from './runner.js';
import type { CibilFetchParams, CibilReportListParams, CibilStatusParams } from './schemas.js';

/** One CIBIL report in the list. The platform's public pages do not document its fields. */
export interface CibilReport {
  [key: string]: unknown;
}

/**
 * Answer of `cibil.fetch`; `report_id` is what `cibil.status` takes. Field names inferred: the platform's
 * documents show none of them.
 */
export interface CibilFetchResult {
  report_id?: string;
  [key: string]: unknown;
}

/** Answer of `cibil.status`. Field names inferred: the platform's documents show none of them. */
export interface CibilStatus {
  report_id?: string;
  status?: string;
  [key: string]: unknown;
}

/** Operation rows of `vk.cibil.*`. */
export const cibilOperations = {
  reports: defineOperation<CibilReportListParams, Page<CibilReport>>({
    id: 'cibil.reports',
    method: 'GET',
    path: '/api/v1/cibil/reports',
    retry: 'read',
    schema: 'cibil.reports',
    paged: true,
    query: PAGING_QUERY,
  }),
  fetch: defineOperation<CibilFetchParams, CibilFetchResult>({
    id: 'cibil.fetch',
    method: 'POST',
    path: '/api/v1/cibil/fetch',
    retry: 'billable',
    schema: 'cibil.fetch',
  }),
  status: defineOperation<CibilStatusParams, CibilStatus>({
    id: 'cibil.status',
    method: 'GET',
    path: '/api/v1/cibil/status',
    retry: 'read',
    schema: 'cibil.status',
  }),
} as const;

/** `vk.cibil`: credit reports and scores. */
export class Cibil extends APIResource {
  /** `GET /api/v1/cibil/reports`: reports fetched so far. Await for one page, or `for await` every report. */
  reports(params?: CibilReportListParams, options?: RequestOptions): PagePromise<CibilReport> {
    return runList(this._client, cibilOperations.reports, params, options);
  }

  /**
   * `POST /api/v1/cibil/fetch` (billable). Needs the person's explicit `consent: true`; PAN, mobile
   * and `dob` (dd/mm/yyyy) are validated before anything is sent.
   */
  fetch(params: CibilFetchParams, options?: RequestOptions): Promise<CibilFetchResult> {
    return this._client._run(cibilOperations.fetch, params, options);
  }

  /** `GET /api/v1/cibil/status?report_id=…` */
  status(params: CibilStatusParams, options?: RequestOptions): Promise<CibilStatus> {
    return this._client._run(cibilOperations.status, params, options);
  }
}
