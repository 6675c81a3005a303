/**
 * The paper a command was invoked on. Commands receive a tree node (from the Papers view's context menu, which has
 * `paperId`), a paper id or citation key string (from the reader, keybindings, other extensions), or `{paperId}`.
 * Anything else, including an empty string, means "no paper given".
 */
export function paperIdFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (typeof arg === 'object' && arg !== null && 'paperId' in arg) {
    const { paperId } = arg as { paperId: unknown };
    if (typeof paperId === 'string' && paperId.trim()) return paperId.trim();
  }
  return undefined;
}

/**
 * All papers a tree command applies to. With several items selected, VS Code passes the clicked node and the whole
 * selection; the selection wins when it contains the clicked node, as in the Explorer.
 */
export function paperIdsFromArgs(arg: unknown, selection?: unknown): string[] {
  const clicked = paperIdFromArg(arg);
  const selected = Array.isArray(selection) ? selection.map(paperIdFromArg).filter((id): id is string => Boolean(id)) : [];
  if (clicked && selected.includes(clicked)) return [...new Set(selected)];
  return clicked ? [clicked] : [];
}
