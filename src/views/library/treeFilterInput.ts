import * as vscode from 'vscode';

/**
 * Asks for the tree filter, applying it live as the user types. Resolves with the accepted text, or undefined when
 * the box was dismissed (Escape, focus lost), in which case the caller restores the previous filter.
 */
export function promptForFilter(current: string, onType: (text: string) => void): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    input.title = 'Filter Papers';
    input.prompt = 'Words from the title, authors, citation key, topic, tags or venue; accents and case are ignored. Empty shows all papers.';
    input.placeholder = 'e.g. speculative decoding leviathan';
    input.value = current;
    let accepted: string | undefined;
    // Typing quickly in a 10,000-paper library would rebuild the tree per key; wait for a short pause instead.
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.onDidChangeValue((text) => {
      clearTimeout(timer);
      timer = setTimeout(() => onType(text), 80);
    });
    input.onDidAccept(() => {
      accepted = input.value;
      input.hide();
    });
    input.onDidHide(() => {
      clearTimeout(timer);
      input.dispose();
      resolve(accepted);
    });
    input.show();
  });
}
