import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import { UNSORTED_TOPIC } from '../../core/paper';
import { checkTopicLabel, movePapersToTopic, renameTopic, sameTopic, topicCounts } from '../../core/topics/manual';
import { paperIdsFromArgs } from '../paper/paperArg';

/** The topic a command was invoked on: a topic group node of the tree, or a label string. */
function topicFromArg(arg: unknown): { label: string; unsorted: boolean } | undefined {
  if (typeof arg === 'string' && arg.trim()) return { label: arg.trim(), unsorted: false };
  if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'group') {
    const group = arg as { groupBy?: unknown; key?: unknown; label?: unknown };
    if (group.groupBy !== 'topic' || typeof group.label !== 'string') return undefined;
    return { label: group.label, unsorted: group.key === '~none' };
  }
  return undefined;
}

async function pickTopic(libraryService: LibraryService, placeHolder: string): Promise<{ label: string; unsorted: boolean } | undefined> {
  const counts = topicCounts(libraryService.library.papers);
  if (counts.length === 0) {
    void vscode.window.showInformationMessage('The library has no topics yet. Run "Organize Library into Topics" first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    counts.map((topic) => ({ label: topic.label, description: `${topic.count} ${topic.count === 1 ? 'paper' : 'papers'}` })),
    { placeHolder },
  );
  return picked && { label: picked.label, unsorted: false };
}

export async function renameTopicCommand(libraryService: LibraryService, arg?: unknown, newName?: string): Promise<string | undefined> {
  const topic = topicFromArg(arg) ?? (await pickTopic(libraryService, 'Topic to rename'));
  if (!topic) return undefined;
  const others = topicCounts(libraryService.library.papers).filter((entry) => !sameTopic(entry.label, topic.label));
  const name = newName ?? await vscode.window.showInputBox({
    title: topic.unsorted ? 'Name the unsorted papers' : `Rename topic "${topic.label}"`,
    value: topic.unsorted ? '' : topic.label,
    prompt: 'Your name is kept when the library is organized again.',
    validateInput: (value) => {
      const problem = checkTopicLabel(value);
      if (problem) return problem;
      const existing = others.find((entry) => sameTopic(entry.label, value));
      return existing ? { message: `"${existing.label}" exists: its papers will be merged into this topic.`, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
  if (name === undefined) return undefined;
  const problem = checkTopicLabel(name);
  if (problem) throw new Error(problem);
  const papers = renameTopic(libraryService.library.papers, topic.unsorted ? undefined : topic.label, name);
  await libraryService.update(papers);
  return name.replace(/\s+/g, ' ').trim();
}

const NEW_TOPIC = '$(add) New Topic…';

export async function movePaperToTopicCommand(libraryService: LibraryService, arg?: unknown, selection?: unknown, target?: string): Promise<string | undefined> {
  const ids = paperIdsFromArgs(arg, selection).filter((id) => libraryService.library.get(id));
  if (ids.length === 0) {
    void vscode.window.showInformationMessage('Choose a paper in the Papers view, then "Move to Topic…".');
    return undefined;
  }
  let label = target;
  if (label === undefined) {
    const current = new Set(ids.map((id) => libraryService.library.get(id)?.topic ?? UNSORTED_TOPIC));
    const items = topicCounts(libraryService.library.papers).map((topic) => ({
      label: topic.label,
      description: `${topic.count} ${topic.count === 1 ? 'paper' : 'papers'}${current.size === 1 && current.has(topic.label) ? ' · current' : ''}`,
    }));
    const picked = await vscode.window.showQuickPick([{ label: NEW_TOPIC, description: '' }, ...items], {
      placeHolder: ids.length === 1 ? `Move "${libraryService.library.get(ids[0])!.title}" to…` : `Move ${ids.length} papers to…`,
    });
    if (!picked) return undefined;
    label = picked.label;
    if (label === NEW_TOPIC) {
      label = await vscode.window.showInputBox({ title: 'New topic', prompt: 'Name of the new topic', validateInput: (value) => checkTopicLabel(value) });
      if (label === undefined) return undefined;
    }
  }
  const problem = checkTopicLabel(label);
  if (problem) throw new Error(problem);
  await libraryService.update(movePapersToTopic(libraryService.library.papers, new Set(ids), label));
  return label.replace(/\s+/g, ' ').trim();
}
