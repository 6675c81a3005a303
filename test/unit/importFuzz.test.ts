import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mutatedInputs, runFuzz } from '../../scripts/fuzz';

test('a seeded fuzz run over every import format: no exception, no slow input, invariants hold', () => {
  const report = runFuzz({ seed: 7, perFormat: 300, timeLimitMs: 1000 });
  assert.deepEqual(Object.keys(report.counts), ['bibtex', 'csl-json', 'ris', 'hf-listing', 'id-list']);
  assert.ok(Object.values(report.counts).every((count) => count === 300));
  assert.deepEqual(report.failures, []);
});

test('the fuzz inputs are reproducible from the seed and differ between seeds', () => {
  const first = [...mutatedInputs(42, 'bibtex', 50)];
  assert.deepEqual([...mutatedInputs(42, 'bibtex', 50)], first);
  assert.notDeepEqual([...mutatedInputs(43, 'bibtex', 50)], first);
  assert.ok(new Set(first).size > 40, 'the mutations actually vary the inputs');
});
