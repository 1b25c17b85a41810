import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupQuotes, toReportQuotes } from './quotes.js';
import type { ReportQuote } from '../model/report.js';

const q = (speaker: string | null, text: string, sources: string[], attributedTo: string | null = null): ReportQuote => ({
  speaker, attributedTo, text, direct: false, sources, variants: [],
});

test('an unnamed source keeps its wording through grouping; the fuller wording wins', () => {
  const out = toReportQuotes(
    groupQuotes(
      [
        q(null, 'the ferry service would resume on Friday after repairs to the ramp', ['a'], 'officials'),
        q(null, 'the ferry service would resume on Friday after repairs to the ramp', ['b'], 'harbour officials'),
      ],
      [],
    ),
  );
  assert.equal(out.length, 1);
  assert.equal(out[0].speaker, null);
  assert.equal(out[0].attributedTo, 'harbour officials');
  assert.deepEqual(out[0].sources, ['a', 'b']);
});

test('a named speaker never carries an unnamed-source wording', () => {
  const out = toReportQuotes(groupQuotes([q('Ilse Varga', 'the ramp is repaired', ['a'])], []));
  assert.equal(out[0].speaker, 'Ilse Varga');
  assert.equal(out[0].attributedTo, null);
});
