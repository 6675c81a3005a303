// Builds and updates the reader's DOM. Every piece of paper data goes in through textContent or a sanitized
// fragment (markdown.ts); no innerHTML anywhere.
import type { HostToWebviewMessage, ReaderActionName, RelatedPaper, WebviewToHostMessage } from '../../src/views/reader/protocol';
import { renderAbstract } from './markdown';
import { ui } from './toolkit';

type ShowPaper = Extract<HostToWebviewMessage, { type: 'showPaper' }>;
type RelatedPapers = Extract<HostToWebviewMessage, { type: 'relatedPapers' }>;
type Child = Node | string | undefined | false;

/** Author lists longer than this are folded behind a "show all" button. */
const AUTHORS_SHOWN = 12;

function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Drops the `false`/`undefined` left by optional parts, for replaceChildren. */
function present(...children: Child[]): (Node | string)[] {
  return children.filter((child): child is Node | string => child !== undefined && child !== false);
}

export class ReaderView {
  private paperId: string | undefined;
  private readonly toolbar: HTMLElement;
  private readonly position: HTMLElement;
  private readonly arxivButton: HTMLElement;
  private readonly summarizeButton: HTMLElement;
  private readonly citeButton: HTMLElement;
  private readonly article: HTMLElement;
  private readonly related: HTMLElement;
  private readonly announcer: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly send: (message: WebviewToHostMessage) => void,
  ) {
    const previous = this.button('Previous paper', 'previous', () => this.navigate('previous'), '‹ Previous');
    const next = this.button('Next paper', 'next', () => this.navigate('next'), 'Next ›');
    this.position = h('span', { class: 'position', 'aria-live': 'off' });
    this.arxivButton = this.button('Open this paper on arXiv', 'arxiv', () => this.sendForPaper('openExternal', 'arxiv'), 'Open on arXiv');
    const copy = this.button('Copy citation key', 'copy', () => this.sendForPaper('copyCitationKey'), 'Copy Citation Key');
    this.summarizeButton = this.button('Summarize this paper', 'summarize', () => this.sendForPaper('summarize'), 'Summarize');
    this.citeButton = this.button('Cite this paper in the active editor', 'cite', () => this.sendForPaper('cite'), 'Cite in Active Editor');
    for (const button of [previous, next, copy]) button.setAttribute('appearance', 'secondary');
    this.summarizeButton.setAttribute('appearance', 'secondary');
    this.citeButton.setAttribute('appearance', 'secondary');
    this.toolbar = h(
      'nav',
      { class: 'toolbar', 'aria-label': 'Paper actions' },
      h('div', { class: 'toolbar-group' }, previous, this.position, next),
      h('div', { class: 'toolbar-group' }, this.arxivButton, copy, this.summarizeButton, this.citeButton),
    );
    this.article = h('article', { class: 'paper', 'aria-labelledby': 'paper-title' });
    this.related = h('section', { class: 'related', 'aria-labelledby': 'related-heading', hidden: '' });
    this.announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.toolbar.hidden = true;
  }

  get shownPaperId(): string | undefined {
    return this.paperId;
  }

  showPaper(message: ShowPaper): void {
    const { paper, position, actions } = message;
    const samePaper = this.paperId === paper.id;
    this.paperId = paper.id;
    this.mount();
    this.toolbar.hidden = false;
    this.position.textContent = position.index >= 0 ? `${position.index + 1} of ${position.total}` : '';
    this.arxivButton.hidden = !paper.arxivUrl;
    this.summarizeButton.hidden = !actions.summarize;
    this.citeButton.hidden = !actions.cite;
    if (!samePaper) this.setRunning(this.summarizeButton, false, 'Summarize');
    if (!samePaper) this.setRunning(this.citeButton, false, 'Cite in Active Editor');

    const links = [
      paper.arxivUrl && this.externalLink(paper.arxivUrl.replace(/^https?:\/\//, ''), paper.arxivUrl, () => this.sendForPaper('openExternal', 'arxiv')),
      paper.codeUrl && this.externalLink('Code', paper.codeUrl, () => this.sendForPaper('openExternal', 'code')),
      paper.url && this.externalLink('Web page', paper.url, () => this.sendForPaper('openExternal', 'url')),
    ].filter((link): link is HTMLElement => Boolean(link));

    const abstract = h('div', { class: 'abstract-body' });
    if (paper.abstract.trim()) abstract.append(renderAbstract(paper.abstract));
    else abstract.append(h('p', { class: 'muted' }, 'This paper has no abstract.'));
    abstract.addEventListener('click', (event) => this.onAbstractClick(event));

    this.article.replaceChildren(
      ...present(
        h('h1', { id: 'paper-title' }, paper.title),
        this.authors(paper.authors),
        h(
          'p',
          { class: 'meta' },
          paper.year !== undefined && h('span', { class: 'tag', title: 'Year' }, String(paper.year)),
          paper.venue && h('span', { class: 'tag', title: 'Venue' }, paper.venue),
          h('code', { class: 'citekey', title: 'Citation key' }, `@${paper.citekey}`),
        ),
        links.length > 0 && h('p', { class: 'links' }, ...links.flatMap((link, index) => (index ? [h('span', { class: 'separator', 'aria-hidden': 'true' }, '·'), link] : [link]))),
        h(ui.divider, { role: 'presentation' }),
        paper.summary !== undefined &&
          h('section', { class: 'tldr', 'aria-labelledby': 'tldr-heading' }, h('h2', { id: 'tldr-heading' }, 'TL;DR'), h('p', {}, paper.summary)),
        h('section', { class: 'abstract', 'aria-labelledby': 'abstract-heading' }, h('h2', { id: 'abstract-heading' }, 'Abstract'), abstract),
        paper.notes !== undefined && this.notes(paper.notes),
      ),
    );
    if (!samePaper) {
      this.related.hidden = !message.relatedPending;
      this.related.replaceChildren(
        h('h2', { id: 'related-heading' }, 'Related papers'),
        h('p', { class: 'muted loading' }, h(ui.progressRing, { 'aria-hidden': 'true' }), 'Finding related papers…'),
      );
      window.scrollTo(0, 0);
      this.announce(`Showing ${paper.title}`);
    } else if (!message.relatedPending) {
      this.related.hidden = true;
    }
    this.root.setAttribute('aria-busy', 'false');
  }

  showRelated(message: RelatedPapers): void {
    if (message.paperId !== this.paperId) return;
    const content: Child[] = [h('h2', { id: 'related-heading' }, 'Related papers')];
    if (message.error) content.push(h('p', { class: 'muted' }, message.error));
    else if (message.papers.length === 0) content.push(h('p', { class: 'muted' }, 'No related papers found.'));
    else content.push(h('ol', { class: 'related-list' }, ...message.papers.map((paper) => this.relatedItem(paper))));
    this.related.replaceChildren(...present(...content));
    this.related.hidden = false;
  }

  setActionState(paperId: string, action: ReaderActionName, running: boolean): void {
    if (paperId !== this.paperId) return;
    if (action === 'summarize') this.setRunning(this.summarizeButton, running, running ? 'Summarizing…' : 'Summarize');
    else this.setRunning(this.citeButton, running, running ? 'Citing…' : 'Cite in Active Editor');
    if (!running && action === 'summarize') this.announce('Summarize finished');
  }

  showEmpty(text: string): void {
    this.paperId = undefined;
    this.mount();
    this.toolbar.hidden = true;
    this.related.hidden = true;
    this.article.replaceChildren(h('div', { class: 'empty' }, h('h1', { id: 'paper-title' }, 'No paper'), h('p', { class: 'muted' }, text)));
    this.root.setAttribute('aria-busy', 'false');
  }

  navigate(direction: 'previous' | 'next'): void {
    if (!this.paperId) return;
    this.root.setAttribute('aria-busy', 'true');
    this.send({ type: 'navigate', direction });
  }

  private mount(): void {
    if (this.toolbar.isConnected) return;
    this.root.replaceChildren(this.toolbar, this.article, this.related, this.announcer, this.shortcutHint());
  }

  private shortcutHint(): HTMLElement {
    return h('p', { class: 'hint muted' }, h('kbd', {}, 'Alt+←'), ' / ', h('kbd', {}, 'Alt+→'), ' or ', h('kbd', {}, '['), ' / ', h('kbd', {}, ']'), ' : previous / next paper');
  }

  private authors(authors: string[]): HTMLElement {
    const line = h('p', { class: 'authors' });
    if (authors.length === 0) {
      line.append(h('span', { class: 'muted' }, 'Unknown authors'));
      return line;
    }
    if (authors.length <= AUTHORS_SHOWN) {
      line.textContent = authors.join(', ');
      return line;
    }
    line.textContent = `${authors.slice(0, AUTHORS_SHOWN - 2).join(', ')}, … `;
    const more = h(ui.link, { href: '#', class: 'more-authors' }, `show all ${authors.length} authors`);
    this.onActivate(more, () => {
      line.textContent = authors.join(', ');
    });
    line.append(more);
    return line;
  }

  private relatedItem(paper: RelatedPaper): HTMLElement {
    const link = h(ui.link, { href: '#', title: `Open “${paper.title}” in the reader` }, paper.title);
    this.onActivate(link, () => this.send({ type: 'openPaper', paperId: paper.id }));
    return h(
      'li',
      {},
      link,
      h(
        'div',
        { class: 'related-meta' },
        h('span', { class: 'muted' }, paper.byline),
        h('span', { class: 'badge', title: 'Similarity to this paper (0 to 1)' }, h('span', { class: 'visually-hidden' }, 'similarity '), paper.score.toFixed(2)),
      ),
    );
  }

  /** The href is only shown as the link's tooltip; the host opens the URL it looks up from the paper itself. */
  private externalLink(label: string, href: string, open: () => void): HTMLElement {
    const link = h(ui.link, { href, title: href }, label);
    this.onActivate(link, open);
    return link;
  }

  private button(label: string, id: string, onClick: () => void, text: string): HTMLElement {
    const button = h(ui.button, { id: `action-${id}`, 'aria-label': label, title: label }, text);
    button.addEventListener('click', onClick);
    return button;
  }

  /** Handles a click on a link ourselves, and keeps VS Code's own webview link handling from also opening it. */
  private onActivate(element: HTMLElement, action: () => void): void {
    element.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      action();
    });
  }

  /** The user's notes, rendered and sanitized like the abstract; its links go through the host the same way. */
  private notes(markdown: string): HTMLElement {
    const body = h('div', { class: 'abstract-body notes-body' });
    body.append(renderAbstract(markdown));
    body.addEventListener('click', (event) => this.onAbstractClick(event));
    return h('section', { class: 'notes', 'aria-labelledby': 'notes-heading' }, h('h2', { id: 'notes-heading' }, 'Your notes'), body);
  }

  private onAbstractClick(event: MouseEvent): void {
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor) return;
    event.preventDefault();
    event.stopPropagation();
    const href = anchor.getAttribute('href');
    if (href && this.paperId) this.send({ type: 'openAbstractLink', paperId: this.paperId, href });
  }

  private sendForPaper(type: 'copyCitationKey' | 'summarize' | 'cite'): void;
  private sendForPaper(type: 'openExternal', target: 'arxiv' | 'code' | 'url'): void;
  private sendForPaper(type: 'copyCitationKey' | 'summarize' | 'cite' | 'openExternal', target?: 'arxiv' | 'code' | 'url'): void {
    const paperId = this.paperId;
    if (!paperId) return;
    if (type === 'openExternal') this.send({ type, paperId, target: target ?? 'arxiv' });
    else this.send({ type, paperId });
    if (type === 'copyCitationKey') this.announce('Citation key copied');
  }

  private setRunning(button: HTMLElement, running: boolean, text: string): void {
    button.textContent = text;
    if (running) button.setAttribute('disabled', '');
    else button.removeAttribute('disabled');
  }

  private announce(text: string): void {
    this.announcer.textContent = text;
  }
}
