import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperIdFromArg, paperIdsFromArgs } from '../../src/commands/paper/paperArg';

test('paperIdFromArg accepts a tree node, an id string or {paperId}', () => {
  assert.equal(paperIdFromArg('arxiv:2211.17192'), 'arxiv:2211.17192');
  assert.equal(paperIdFromArg('  leviathan2022fast '), 'leviathan2022fast');
  assert.equal(paperIdFromArg({ paperId: 'arxiv:1' }), 'arxiv:1');
  assert.equal(paperIdFromArg({ kind: 'paper', id: 'group:topic:x/arxiv:1', paperId: 'arxiv:1' }), 'arxiv:1');
});

test('paperIdFromArg rejects everything else', () => {
  for (const value of [undefined, null, '', '   ', 42, {}, { paperId: 7 }, { paperId: ' ' }, { id: 'arxiv:1' }, ['arxiv:1']]) {
    assert.equal(paperIdFromArg(value), undefined, JSON.stringify(value));
  }
});

test('paperIdsFromArgs uses the selection when the clicked node is part of it', () => {
  const one = { paperId: 'a' };
  const two = { paperId: 'b' };
  assert.deepEqual(paperIdsFromArgs(one, [one, two, { kind: 'group' }]), ['a', 'b']);
  assert.deepEqual(paperIdsFromArgs(one, [two]), ['a']);
  assert.deepEqual(paperIdsFromArgs('c'), ['c']);
  assert.deepEqual(paperIdsFromArgs(undefined, [one]), []);
});
