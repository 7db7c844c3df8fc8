// Web build of `#platform/failure-codes`: `fetch` in browsers, workers and Deno reports no error
// codes, so a failed request is never provably unsent there (see failure-codes-node.ts).

/** Never known here: a web `fetch` does not say why a request failed. */
export function failureOfCode(_err: unknown, _code: string): ['invalid' | 'not-sent', string] | undefined {
  return undefined;
}
