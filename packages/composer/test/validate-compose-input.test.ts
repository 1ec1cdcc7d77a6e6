import { describe, expect, it } from 'vitest';
import type { ComposeInput } from '../src/index';
import { ComposeError, composeReport } from '../src/index';
import { buildComposeInput, buildGroup } from './factories';

function errorOf(input: ComposeInput): ComposeError {
  try {
    composeReport(input);
  } catch (error) {
    if (error instanceof ComposeError) return error;
    throw error;
  }
  throw new Error('expected a ComposeError');
}

describe('composeReport input checks', () => {
  it('rejects an impossible date with its path', () => {
    const error = errorOf(buildComposeInput({ documentDate: '2024-02-30' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('documentDate');
  });

  it('rejects negative or fractional counts', () => {
    const areas = [{ area: '理论学习', groups: [buildGroup({ count: -1 })] }];
    expect(errorOf(buildComposeInput({ areas })).path).toBe('areas[0].groups[0].count');
    const half = [{ area: '理论学习', groups: [buildGroup({ participants: 1.5 })] }];
    expect(errorOf(buildComposeInput({ areas: half })).path).toBe(
      'areas[0].groups[0].participants',
    );
  });

  it('rejects a period that ends before it starts', () => {
    const period = {
      kind: 'custom' as const,
      label: '2024年',
      from: '2024-12-31',
      to: '2024-01-01',
    };
    expect(errorOf(buildComposeInput({ period })).path).toBe('period');
  });

  it('rejects absurdly large inputs with INPUT_TOO_LARGE', () => {
    const areas = Array.from({ length: 101 }, (_, i) => ({ area: `领域${i}`, groups: [] }));
    expect(errorOf(buildComposeInput({ areas })).code).toBe('INPUT_TOO_LARGE');
    const problems = ['长'.repeat(2001)];
    expect(errorOf(buildComposeInput({ problems })).code).toBe('INPUT_TOO_LARGE');
  });

  it('rejects more closed incidents than incidents', () => {
    const incidents = {
      total: 1,
      closed: 2,
      bySeverity: {},
      medianResponseHours: null,
      meanResponseHours: null,
    };
    expect(errorOf(buildComposeInput({ incidents })).path).toBe('incidents.closed');
  });

  it('requires an area for a 专题报告', () => {
    expect(errorOf(buildComposeInput({ kind: 'topical' })).path).toBe('topic.area');
  });
});
