// Summarize Paper inside a real VS Code: the local model runs in its worker, the TL;DR is stored in the library and
// the reader receives it — and it is a sentence of the paper's abstract.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { splitSentences } from '../../../src/core/summary/sentences';
import { tidySummary } from '../../../src/core/summary/summarizer';
import { activatePaperShelf, waitFor } from './helpers';

suite('Summaries', () => {
  test('Summarize Paper stores a TL;DR that is a sentence of the abstract and the reader shows it', async function () {
    this.timeout(240_000);
    const api = await activatePaperShelf();
    await waitFor('the sample library to load', () => api.library().size > 0);
    const paper = api.library().papers.find((candidate) => splitSentences(candidate.abstract).length >= 4);
    assert.ok(paper, 'the sample library has a paper with a multi-sentence abstract');
    await api.openPaper(paper.id);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('paperShelf.summarizePaper') && commands.includes('paperShelf.summarizeTopic'));

    const summary = await vscode.commands.executeCommand<string | undefined>('paperShelf.summarizePaper', paper.id);
    assert.ok(summary, 'the command returned no summary');
    const sentences = splitSentences(paper.abstract);
    assert.ok(sentences.some((sentence) => sentence === summary || tidySummary(sentence) === summary), `"${summary}" is not a sentence of the abstract`);
    assert.equal(api.library().find(paper.id)?.summary, summary, 'the TL;DR was stored in the library');
    await waitFor(
      'the reader to receive the TL;DR',
      () => api.readerMessages().some((message) => message.type === 'showPaper' && message.paper.id === paper.id && message.paper.summary === summary),
      60_000,
    );
  });

  test('Summarize Topic opens a Markdown brief with citation keys', async function () {
    this.timeout(240_000);
    const api = await activatePaperShelf();
    const topic = api.library().papers.find((paper) => paper.topic)?.topic;
    assert.ok(topic, 'the sample library has topics');
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('paperShelf.summarizeTopic', topic);
    assert.ok(document, 'no document was opened');
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.ok(text.startsWith(`# ${topic}\n`));
    assert.match(text, /## Key points\n\n- .+ \[@[^\]]+\]/);
    // The brief is an unsaved document: revert it so closing asks nothing.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
