// How bulk sorts a failed call: what may be sent again, and what ends the row.
import { describe, expect, it } from 'vitest';
import { judgeFailure } from '../src/bulk/outcome.js';
import {
  APIConnectionError,
  APITimeoutError,
  ConfigurationError,
  InternalServerError,
  UserAbortError,
} from '../src/index.js';

describe('judgeFailure', () => {
  it('no answer (refused, reset, a read timing out) is retried', () => {
    expect(judgeFailure(new APIConnectionError({ message: 'refused' })).kind).toBe('retry');
    expect(judgeFailure(new APITimeoutError({ message: 'late' })).kind).toBe('retry');
    expect(judgeFailure(new InternalServerError({ status: 500, message: 'x' })).kind).toBe('retry');
  });

  it('an error that is no answer at all (configuration, the caller’s abort) ends the row, never retried', () => {
    for (const err of [new ConfigurationError('bad timeout'), new UserAbortError()]) {
      expect(judgeFailure(err)).toMatchObject({ kind: 'final', status: 'failed' });
    }
  });

  it('a call the server may have acted on ends unknown', () => {
    const err = new APIConnectionError({ message: 'reset', outcomeUnknown: true });
    expect(judgeFailure(err)).toMatchObject({ kind: 'final', status: 'unknown' });
  });
});
