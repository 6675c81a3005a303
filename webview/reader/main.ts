// Entry of the reader webview bundle (dist/webview/reader.js). The host drives everything through messages;
// this side renders them and reports clicks and keys.
import './reader.css';
import type { HostToWebviewMessage } from '../../src/views/reader/protocol';
import { registerToolkit } from './toolkit';
import { ReaderView } from './view';
import { loadState, postToHost, saveState } from './vscodeApi';

registerToolkit();

const root = document.getElementById('reader');
if (!root) throw new Error('Reader markup is missing #reader');
const view = new ReaderView(root, postToHost);
const restored = loadState();

let scrollSaveTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollSaveTimer);
  scrollSaveTimer = setTimeout(() => {
    const paperId = view.shownPaperId;
    if (paperId) saveState({ paperId, scrollY: window.scrollY });
  }, 200);
});

window.addEventListener('message', (event: MessageEvent<HostToWebviewMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'showPaper': {
      const firstShow = view.shownPaperId === undefined;
      view.showPaper(message);
      // Without retainContextWhenHidden the document is rebuilt each time the tab comes back: keep the place.
      if (firstShow && restored?.paperId === message.paper.id && restored.scrollY) window.scrollTo(0, restored.scrollY);
      saveState({ paperId: message.paper.id, scrollY: window.scrollY });
      break;
    }
    case 'relatedPapers':
      view.showRelated(message);
      break;
    case 'actionState':
      view.setActionState(message.paperId, message.action, message.running);
      break;
    case 'empty':
      view.showEmpty(message.message);
      break;
  }
});

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Alt+←/→, or [ and ] (also when typed with AltGr), step through the library. */
function navigationKey(event: KeyboardEvent): 'previous' | 'next' | undefined {
  if (event.metaKey || event.shiftKey) return undefined;
  const altOnly = event.altKey && !event.ctrlKey;
  const plainOrAltGr = (!event.altKey && !event.ctrlKey) || (event.altKey && event.ctrlKey);
  if (altOnly && event.key === 'ArrowLeft') return 'previous';
  if (altOnly && event.key === 'ArrowRight') return 'next';
  if (plainOrAltGr && event.key === '[') return 'previous';
  if (plainOrAltGr && event.key === ']') return 'next';
  return undefined;
}

// Capture phase, and stop it there: VS Code forwards webview key presses to its own keybindings (Alt+Left is
// "Go Back" on Windows), which must not also fire for the keys handled here.
document.addEventListener(
  'keydown',
  (event) => {
    if (isTyping(event.target)) return;
    const direction = navigationKey(event);
    if (!direction) return;
    event.preventDefault();
    event.stopPropagation();
    view.navigate(direction);
  },
  true,
);

postToHost({ type: 'ready' });
