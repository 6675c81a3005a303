import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CITATION_STYLES, CslResources, formatReferences, parseCitationStyle } from '../../src/core/citations/format';
import { cslName, paperToCsl } from '../../src/core/citations/csl';
import { FIXTURES, ROOT, samplePaper } from './citationTools';
import { FIXTURE_KEYS } from '../fixtures/citations/make-formatted-references';

const resources = new CslResources(path.join(ROOT, 'data/csl'));
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'formatted-references.json'), 'utf8')) as Record<string, Record<string, { citation: string; bibliography: string }>>;

test('formatted references match the reviewed citeproc-js output: 6 papers × 4 styles', async () => {
  let checked = 0;
  for (const style of CITATION_STYLES) {
    for (const key of FIXTURE_KEYS) {
      const formatted = await formatReferences([samplePaper(key)], style, resources, 'text');
      assert.equal(formatted.entries[0], expected[style][key].bibliography, `${style} ${key}`);
      assert.equal(formatted.citation, expected[style][key].citation, `${style} ${key} citation`);
      checked++;
    }
  }
  assert.equal(checked, 24);
});

test('style rules visible in the output: author lists, numbering, preprints', async () => {
  const papers = FIXTURE_KEYS.map(samplePaper);
  const apa = await formatReferences(papers, 'apa', resources);
  assert.match(apa.entries.find((entry) => entry.startsWith('Lee, Y.'))!, /Sadagopan, K\. R\., … Wu, C\.-J\. \(2024\)/, 'APA: 21+ authors → first 19, ellipsis, last');
  assert.match(apa.entries.find((entry) => entry.startsWith('Lou'))!, /\(arXiv:2107\.10932\)\. arXiv\./, 'APA preprint: identifier and archive');
  const ieee = await formatReferences(papers, 'ieee', resources);
  assert.deepEqual(ieee.entries.map((entry) => entry.slice(0, 4)), ['[1] ', '[2] ', '[3] ', '[4] ', '[5] ', '[6] '], 'IEEE numbers in citation order');
  assert.match(ieee.entries[2], /^\[3\] D\. Yang et al\.,/, 'IEEE: 7+ authors → et al.');
  const nature = await formatReferences(papers, 'nature', resources);
  assert.match(nature.entries[1], /^2\. Lou, T\., Park, M\., Ramezanali, M\. & Tang, V\./);
  assert.match(nature.entries[1], /Preprint at https:\/\/arxiv\.org\/abs\/2107\.10932 \(2021\)/);
  const chicago = await formatReferences([samplePaper('oswald2023uncovering')], 'chicago-author-date', resources, 'markdown');
  assert.match(chicago.entries[0], /Nino Scherrer, et al\. 2023\. “Uncovering Mesa-Optimization Algorithms in Transformers\.”/, 'Chicago: title case, 7 then et al.');
  const html = await formatReferences([samplePaper('leviathan2022fast')], 'apa', resources, 'html');
  assert.match(html.entries[0], /<i>ICML 2023<\/i>/);
  const markdown = await formatReferences([samplePaper('leviathan2022fast')], 'apa', resources, 'markdown');
  assert.match(markdown.entries[0], /\*ICML 2023\*/);
});

test('style names and a missing style file give clear answers', async () => {
  assert.equal(parseCitationStyle('chicago'), 'chicago-author-date');
  assert.equal(parseCitationStyle('IEEE'), 'ieee');
  assert.equal(parseCitationStyle('mla'), undefined);
  await assert.rejects(formatReferences([samplePaper('leviathan2022fast')], 'apa', new CslResources('/nonexistent')), /citation style file \/nonexistent\/apa\.csl is missing/);
});

test('CSL-JSON items: types, names, arXiv numbers', () => {
  assert.deepEqual(cslName('Blaise Agüera y Arcas'), { family: 'Agüera y Arcas', given: 'Blaise' });
  assert.deepEqual(cslName('Johannes von Oswald'), { family: 'von Oswald', given: 'Johannes' });
  assert.deepEqual(cslName('OpenAI'), { literal: 'OpenAI' });
  const lou = paperToCsl(samplePaper('lou2021fnetar'));
  assert.equal(lou.type, 'article');
  assert.equal(lou.number, 'arXiv:2107.10932');
  assert.equal(lou.publisher, 'arXiv');
  assert.deepEqual(lou.issued, { 'date-parts': [[2021]] });
  assert.equal(paperToCsl(samplePaper('yang2024simplespeech')).type, 'article-journal');
  assert.equal(paperToCsl(samplePaper('leviathan2022fast')).type, 'paper-conference');
  assert.equal(paperToCsl(samplePaper('leviathan2022fast'))['container-title'], 'ICML 2023');
});

test('the Markdown reference list escapes emphasis markers and "@" but keeps "[1]" readable', async () => {
  const ieee = await formatReferences([samplePaper('leviathan2022fast')], 'ieee', resources, 'markdown');
  assert.match(ieee.entries[0], /^\[1\] Y\. Leviathan/);
  const odd = { ...samplePaper('leviathan2022fast'), title: 'Snake_case and *stars* by me@example.com' };
  const apa = await formatReferences([odd], 'apa', resources, 'markdown');
  assert.match(apa.entries[0], /Snake\\_case and \\\*stars\\\* by me\\@example\.com/);
});
