import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAPER_ID_LENGTH, MAX_URL_LENGTH, parseReaderState, parseWebviewMessage } from '../../src/views/reader/protocol';
import { abstractContainsLink, cleanRelatedPapers, externalUrl, safeExternalUrl, shortenTitle, toReaderPaper } from '../../src/views/reader/readerModel';
import type { Paper } from '../../src/core/paper';

const GOOD_MESSAGES: unknown[] = [
  { type: 'ready' },
  { type: 'copyCitationKey', paperId: 'arxiv:2211.17192' },
  { type: 'openExternal', paperId: 'arxiv:2211.17192', target: 'arxiv' },
  { type: 'openExternal', paperId: 'arxiv:2211.17192', target: 'code' },
  { type: 'openExternal', paperId: 'doi:10.1/x', target: 'url' },
  { type: 'navigate', direction: 'previous' },
  { type: 'navigate', direction: 'next' },
  { type: 'openPaper', paperId: 'title:0123456789ab' },
  { type: 'openAbstractLink', paperId: 'arxiv:1', href: 'https://github.com/openai/jukebox' },
  { type: 'openAbstractLink', paperId: 'arxiv:1', href: 'http://aka.ms/arlon' },
  { type: 'summarize', paperId: 'arxiv:1' },
  { type: 'cite', paperId: 'arxiv:1' },
  { type: 'openPaper', paperId: 'x'.repeat(MAX_PAPER_ID_LENGTH) },
];

test('accepts every well-formed webview message and returns an equal copy', () => {
  for (const message of GOOD_MESSAGES) {
    const parsed = parseWebviewMessage(message);
    assert.deepEqual(parsed, message, JSON.stringify(message));
    assert.notEqual(parsed, message, 'returns a fresh object, not the one received');
  }
});

const BAD_MESSAGES: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'ready'],
  ['a number', 42],
  ['an array', [{ type: 'ready' }]],
  ['no type', {}],
  ['type not a string', { type: 1 }],
  ['unknown type', { type: 'deletePaper', paperId: 'arxiv:1' }],
  ['type from the prototype chain', { type: 'toString' }],
  ['type __proto__', JSON.parse('{"type":"__proto__"}')],
  ['host message type', { type: 'showPaper', paper: {} }],
  ['ready with an extra field', { type: 'ready', paperId: 'arxiv:1' }],
  ['copy without paperId', { type: 'copyCitationKey' }],
  ['copy with numeric paperId', { type: 'copyCitationKey', paperId: 7 }],
  ['copy with empty paperId', { type: 'copyCitationKey', paperId: '' }],
  ['copy with over-long paperId', { type: 'copyCitationKey', paperId: 'x'.repeat(MAX_PAPER_ID_LENGTH + 1) }],
  ['copy with control characters in paperId', { type: 'copyCitationKey', paperId: 'arxiv:1\n' }],
  ['copy with array paperId', { type: 'copyCitationKey', paperId: ['arxiv:1'] }],
  ['openExternal with a URL instead of a target', { type: 'openExternal', paperId: 'arxiv:1', target: 'https://evil.example' }],
  ['openExternal with an extra url field', { type: 'openExternal', paperId: 'arxiv:1', target: 'arxiv', url: 'https://evil.example' }],
  ['openExternal without target', { type: 'openExternal', paperId: 'arxiv:1' }],
  ['openExternal with target in other case', { type: 'openExternal', paperId: 'arxiv:1', target: 'ARXIV' }],
  ['navigate sideways', { type: 'navigate', direction: 'up' }],
  ['navigate with numeric direction', { type: 'navigate', direction: 1 }],
  ['navigate without direction', { type: 'navigate' }],
  ['navigate with an extra paperId', { type: 'navigate', direction: 'next', paperId: 'arxiv:1' }],
  ['openPaper with object paperId', { type: 'openPaper', paperId: { id: 'arxiv:1' } }],
  ['openAbstractLink with javascript URL', { type: 'openAbstractLink', paperId: 'arxiv:1', href: 'javascript:alert(1)' }],
  ['openAbstractLink with command URL', { type: 'openAbstractLink', paperId: 'arxiv:1', href: 'command:workbench.action.quit' }],
  ['openAbstractLink with file URL', { type: 'openAbstractLink', paperId: 'arxiv:1', href: 'file:///etc/passwd' }],
  ['openAbstractLink with relative URL', { type: 'openAbstractLink', paperId: 'arxiv:1', href: '/etc/passwd' }],
  ['openAbstractLink with whitespace in the URL', { type: 'openAbstractLink', paperId: 'arxiv:1', href: 'https://a.example/ b' }],
  ['openAbstractLink with over-long URL', { type: 'openAbstractLink', paperId: 'arxiv:1', href: `https://a.example/${'x'.repeat(MAX_URL_LENGTH)}` }],
  ['openAbstractLink without paperId', { type: 'openAbstractLink', href: 'https://a.example/' }],
  ['summarize without paperId', { type: 'summarize' }],
  ['cite with null paperId', { type: 'cite', paperId: null }],
  ['a class instance', new (class Message { type = 'ready'; })()],
  ['a Date', new Date()],
];

test('rejects malformed webview messages', () => {
  for (const [label, message] of BAD_MESSAGES) {
    assert.equal(parseWebviewMessage(message), undefined, label);
  }
});

test('ignores fields smuggled through the prototype and getters that lie', () => {
  const withProto = Object.create({ paperId: 'arxiv:1' });
  withProto.type = 'copyCitationKey';
  assert.equal(parseWebviewMessage(withProto), undefined);
  const parsed = parseWebviewMessage(JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'));
  assert.equal(parsed, undefined, 'an own __proto__ key is an extra field');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('reader state needs a valid paper id', () => {
  assert.deepEqual(parseReaderState({ paperId: 'arxiv:1' }), { paperId: 'arxiv:1' });
  assert.deepEqual(parseReaderState({ paperId: 'arxiv:1', scroll: 3 }), { paperId: 'arxiv:1' });
  assert.equal(parseReaderState(undefined), undefined);
  assert.equal(parseReaderState({}), undefined);
  assert.equal(parseReaderState({ paperId: 3 }), undefined);
  assert.equal(parseReaderState({ paperId: '' }), undefined);
});

const paper: Paper = {
  id: 'arxiv:2211.17192',
  citekey: 'leviathan2022fast',
  title: 'Fast Inference from Transformers via Speculative Decoding',
  authors: ['Yaniv Leviathan', 'Matan Kalman', 'Yossi Matias'],
  year: 2022,
  venue: 'ICML 2023',
  abstract: 'We speed up decoding. Code: https://github.com/example/spec-decoding.',
  arxivId: '2211.17192',
  url: 'https://arxiv.org/abs/2211.17192',
  codeUrl: 'javascript:alert(1)',
  tags: [],
  status: 'unread',
};

test('external URLs come from the paper and only http(s) leaves the reader', () => {
  assert.equal(externalUrl(paper, 'arxiv'), 'https://arxiv.org/abs/2211.17192');
  assert.equal(externalUrl(paper, 'code'), undefined, 'javascript: code URL is dropped');
  assert.equal(externalUrl({ ...paper, codeUrl: 'command:workbench.action.quit' }, 'code'), undefined);
  assert.equal(externalUrl({ ...paper, codeUrl: 'https://github.com/x/y' }, 'code'), 'https://github.com/x/y');
  assert.equal(externalUrl({ ...paper, url: undefined, doi: '10.1000/xyz' }, 'url'), 'https://doi.org/10.1000/xyz');
  assert.equal(safeExternalUrl('file:///etc/passwd'), undefined);
  assert.equal(safeExternalUrl('not a url'), undefined);
});

test('toReaderPaper carries what the webview shows and nothing unsafe', () => {
  const reader = toReaderPaper({ ...paper, summary: '  We speed up decoding.  ' });
  assert.deepEqual(reader, {
    id: 'arxiv:2211.17192',
    citekey: 'leviathan2022fast',
    title: paper.title,
    authors: paper.authors,
    year: 2022,
    venue: 'ICML 2023',
    abstract: paper.abstract,
    arxivUrl: 'https://arxiv.org/abs/2211.17192',
    summary: 'We speed up decoding.',
  });
  assert.notEqual(reader.authors, paper.authors, 'authors are copied');
  assert.equal(toReaderPaper({ ...paper, summary: '   ' }).summary, undefined);
});

test('abstract links open only when the abstract really contains them', () => {
  assert.equal(abstractContainsLink(paper.abstract, 'https://github.com/example/spec-decoding'), true);
  assert.equal(abstractContainsLink(paper.abstract, 'https://evil.example/'), false);
  assert.equal(abstractContainsLink(paper.abstract, 'https://github.com/'), true, 'a prefix of a real link is still in the data');
  assert.equal(abstractContainsLink('see https://a.example/ü', 'https://a.example/%C3%BC'), true, 'percent-encoded by marked');
  assert.equal(abstractContainsLink('javascript:alert(1)', 'javascript:alert(1)'), false);
  assert.equal(abstractContainsLink('x', 'https://x'), false);
});

test('tab titles are shortened at a word boundary', () => {
  assert.equal(shortenTitle('Short title'), 'Short title');
  const short = shortenTitle('Fast Inference from Transformers via Speculative Decoding');
  assert.ok(short.length <= 40, short);
  assert.equal(short, 'Fast Inference from Transformers via…');
  assert.equal(shortenTitle('  spaced\n  out  '), 'spaced out');
});

test('related papers are capped, clamped and never include the shown paper', () => {
  const many = Array.from({ length: 15 }, (_, index) => ({ id: `p${index}`, title: `Paper ${index}`, byline: 'A · 2020', score: 2 - index * 0.5 }));
  const cleaned = cleanRelatedPapers([{ id: 'shown', title: 'Self', byline: '', score: 1 }, ...many], 'shown');
  assert.equal(cleaned.length, 10);
  assert.ok(cleaned.every((related) => related.id !== 'shown' && related.score >= 0 && related.score <= 1));
  assert.equal(cleaned[0].score, 1);
  assert.equal(cleanRelatedPapers([{ id: 'a', title: 'A', byline: 'x', score: Number.NaN }], 'b')[0].score, 0);
});
