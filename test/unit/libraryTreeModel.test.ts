import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LibraryTreeModel, paperContextValue } from '../../src/views/library/libraryTreeModel';
import { abstractExcerpt, escapeMarkdown, paperTooltipMarkdown } from '../../src/views/library/paperTooltip';
import { makePaper } from './paperFixtures';

const a = makePaper({ id: 'arxiv:1', title: 'Alpha decoding', topic: 'Decoding', tags: ['x', 'y'], year: 2024 });
const b = makePaper({ id: 'arxiv:2', title: 'Beta vision', topic: 'Vision', tags: ['y'], year: 2023 });
const c = makePaper({ id: 'arxiv:3', title: 'Gamma decoding', topic: 'Decoding', year: 2024 });
const d = makePaper({ id: 'arxiv:4', title: 'Delta', year: 2020 });
const papers = [a, b, c, d];

test('groups hold paper nodes with parents, counts and ids that are stable across rebuilds', () => {
  const model = new LibraryTreeModel(papers, { groupBy: 'topic', filter: '' });
  assert.deepEqual(model.snapshot(), [
    { label: 'Decoding', description: '2', paperIds: ['arxiv:1', 'arxiv:3'] },
    { label: 'Vision', description: '1', paperIds: ['arxiv:2'] },
    { label: 'Unsorted', description: '1', paperIds: ['arxiv:4'] },
  ]);
  const [decoding] = model.groups;
  assert.equal(decoding.id, 'group:topic:decoding');
  const child = model.children(decoding)[0];
  assert.equal(child.kind, 'paper');
  assert.equal(model.parent(child), decoding);
  assert.equal(model.parent(decoding), undefined);
  assert.equal(model.children(decoding)[0], child, 'nodes are built once, so reveal/getParent see the same objects');
  assert.equal(model.nodeForPaper('arxiv:3'), model.children(decoding)[1]);
  assert.deepEqual(model.children(child), []);
  const rebuilt = new LibraryTreeModel([...papers], { groupBy: 'topic', filter: '' });
  assert.deepEqual(rebuilt.groups.map((group) => group.id), model.groups.map((group) => group.id));
  assert.deepEqual(rebuilt.groups.flatMap((group) => group.children.map((node) => node.id)), model.groups.flatMap((group) => group.children.map((node) => node.id)));
});

test('ids stay unique when a paper is in several tag groups, and reveal targets its first group', () => {
  const model = new LibraryTreeModel(papers, { groupBy: 'tag', filter: '' });
  const ids = model.groups.flatMap((group) => [group.id, ...group.children.map((node) => node.id)]);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(model.snapshot().map((group) => group.label), ['x', 'y', 'Untagged']);
  const node = model.nodeForPaper('arxiv:1');
  assert.equal(node?.parent.label, 'x');
  assert.equal(node?.paperId, 'arxiv:1');
  assert.equal(model.nodeForPaper('missing'), undefined);
});

test('a filter keeps matching papers, drops empty groups, counts each paper once and scopes the ids', () => {
  const model = new LibraryTreeModel(papers, { groupBy: 'tag', filter: 'decoding' });
  assert.equal(model.isFiltered, true);
  assert.deepEqual(model.snapshot().map((group) => [group.label, group.paperIds]), [['x', ['arxiv:1']], ['y', ['arxiv:1']], ['Untagged', ['arxiv:3']]]);
  assert.equal(model.matchCount, 2);
  assert.equal(model.totalCount, 4);
  assert.ok(model.groups.every((group) => group.id.startsWith('filter:decoding|')));
});

test('an empty library or a filter matching nothing gives no top-level nodes (the welcome view shows)', () => {
  assert.deepEqual(new LibraryTreeModel([], { groupBy: 'topic', filter: '' }).children(), []);
  const none = new LibraryTreeModel(papers, { groupBy: 'year', filter: 'zzz' });
  assert.deepEqual(none.children(), []);
  assert.equal(none.matchCount, 0);
});

test('tooltip markdown escapes untrusted text and shows authors, venue, year and the abstract start', () => {
  const paper = makePaper({
    title: 'Evil [link](command:workbench.action.quit) <img src=x> *bold*',
    authors: ['Ann _Under_', 'Bob'],
    venue: 'ICML',
    year: 2024,
    citekey: 'ann2024evil',
    abstract: 'Line one.\n\n# Heading\n' + 'word '.repeat(200),
    status: 'reading',
  });
  const md = paperTooltipMarkdown(paper);
  assert.ok(md.startsWith('**Evil \\[link\\]\\(command:workbench\\.action\\.quit\\) &lt;img src=x&gt; \\*bold\\***'), md);
  assert.ok(!md.includes('<img'));
  assert.ok(md.includes('Ann \\_Under\\_, Bob'));
  assert.ok(md.includes('*ICML · 2024 · Reading · `@ann2024evil`*'));
  assert.ok(md.includes('Line one\\. \\# Heading word'));
  assert.ok(md.endsWith('…'));
  assert.ok(md.length < 800);
});

test('the tooltip says when a paper is starred or only a stub', () => {
  const md = paperTooltipMarkdown(makePaper({ title: 'Stub', arxivId: '2401.00001', starred: true, metadataMissing: true }));
  assert.ok(md.includes('*Unread · ★ starred · metadata missing · arXiv:2401\\.00001 · `@'), md);
});

test('escapeMarkdown and abstractExcerpt', () => {
  assert.equal(escapeMarkdown('a_b & `c`\n\nd'), 'a\\_b &amp; \\`c\\` d');
  assert.equal(abstractExcerpt('short text'), 'short text');
  const long = abstractExcerpt('alpha beta gamma delta epsilon', 17);
  assert.equal(long, 'alpha beta gamma…');
});

test('paper context values carry arXiv and status so menus can match them with regexes', () => {
  assert.equal(paperContextValue(makePaper({ arxivId: '2211.17192', status: 'unread' })), 'paper.arxiv.unread');
  assert.equal(paperContextValue(makePaper({ status: 'read' })), 'paper.read');
  assert.equal(paperContextValue(makePaper({ arxivId: '1', status: 'reading', starred: true, metadataMissing: true })), 'paper.arxiv.reading.starred.stub');
  assert.ok(/\.(unread|reading)\b/.test('paper.arxiv.reading.starred'));
  const arxivMenu = /^paper\.arxiv\b/;
  assert.ok(arxivMenu.test('paper.arxiv.reading'));
  assert.ok(!arxivMenu.test('paper.reading'));
});
