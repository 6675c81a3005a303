// The one place where host↔webview messages of the paper reader are defined. Both the extension host
// (src/views/reader) and the webview bundle (webview/reader) import it, so it must not import `vscode` or Node.

/** The paper as the reader displays it; URLs are resolved by the host, the webview never builds one. */
export interface ReaderPaper {
  id: string;
  citekey: string;
  title: string;
  authors: string[];
  year?: number;
  venue?: string;
  /** Markdown; untrusted: the webview renders it with marked and sanitizes it before it touches the DOM. */
  abstract: string;
  arxivUrl?: string;
  codeUrl?: string;
  url?: string;
  /** Extractive TL;DR, shown above the abstract when present. */
  summary?: string;
  /** The user's own notes (Markdown, from the paper's notes file); untrusted like the abstract. */
  notes?: string;
}

/** Where the paper sits in library order; `index` is 0-based. */
export interface ReaderPosition {
  index: number;
  total: number;
}

/** Optional actions whose commands are contributed by other features; a button is shown only when true. */
export interface ReaderActions {
  summarize: boolean;
  cite: boolean;
}

export interface RelatedPaper {
  id: string;
  title: string;
  /** "Vaswani et al. · 2017" */
  byline: string;
  /** Similarity in [0, 1]; higher is closer. */
  score: number;
}

export const EXTERNAL_TARGETS = ['arxiv', 'code', 'url'] as const;
export type ExternalTarget = (typeof EXTERNAL_TARGETS)[number];

export const NAVIGATE_DIRECTIONS = ['previous', 'next'] as const;
export type NavigateDirection = (typeof NAVIGATE_DIRECTIONS)[number];

export const READER_ACTIONS = ['summarize', 'cite'] as const;
export type ReaderActionName = (typeof READER_ACTIONS)[number];

export type HostToWebviewMessage =
  | {
      type: 'showPaper';
      paper: ReaderPaper;
      position: ReaderPosition;
      actions: ReaderActions;
      /** True when a related-papers provider is registered and a `relatedPapers` message will follow. */
      relatedPending: boolean;
    }
  | { type: 'relatedPapers'; paperId: string; papers: RelatedPaper[]; error?: string }
  /** A long-running action (e.g. Summarize) started or finished for a paper. */
  | { type: 'actionState'; paperId: string; action: ReaderActionName; running: boolean }
  /** Nothing to show, e.g. a restored reader whose paper is no longer in the library. */
  | { type: 'empty'; message: string };

export type WebviewToHostMessage =
  | { type: 'ready' }
  | { type: 'copyCitationKey'; paperId: string }
  | { type: 'openExternal'; paperId: string; target: ExternalTarget }
  | { type: 'navigate'; direction: NavigateDirection }
  | { type: 'openPaper'; paperId: string }
  /** A link inside the abstract; the host opens it only if the shown paper's abstract contains it. */
  | { type: 'openAbstractLink'; paperId: string; href: string }
  | { type: 'summarize'; paperId: string }
  | { type: 'cite'; paperId: string };

/** What the webview persists with `vscode.setState`, and what the panel serializer gets back after a reload. */
export interface ReaderState {
  paperId: string;
  /** Webview-only: where the reader was scrolled, restored when the same paper is shown again after a reload. */
  scrollY?: number;
}

/** Longest paper id the host accepts from the webview; real ids are short ("arxiv:2503.20519"). */
export const MAX_PAPER_ID_LENGTH = 256;
export const MAX_URL_LENGTH = 2048;

type FieldRule = { kind: 'paperId' } | { kind: 'webUrl' } | { kind: 'oneOf'; values: readonly string[] };

const PAPER_ID: FieldRule = { kind: 'paperId' };
const WEB_URL: FieldRule = { kind: 'webUrl' };
const oneOf = (values: readonly string[]): FieldRule => ({ kind: 'oneOf', values });

/** Every field each webview message may (and must) carry besides `type`. */
const WEBVIEW_MESSAGE_FIELDS: { [K in WebviewToHostMessage['type']]: Record<string, FieldRule> } = {
  ready: {},
  copyCitationKey: { paperId: PAPER_ID },
  openExternal: { paperId: PAPER_ID, target: oneOf(EXTERNAL_TARGETS) },
  navigate: { direction: oneOf(NAVIGATE_DIRECTIONS) },
  openPaper: { paperId: PAPER_ID },
  openAbstractLink: { paperId: PAPER_ID, href: WEB_URL },
  summarize: { paperId: PAPER_ID },
  cite: { paperId: PAPER_ID },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isValidPaperId(value: unknown): value is string {
  // No control characters: an id is only ever used as a look-up key, never shown raw or used as a path.
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PAPER_ID_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);
}

/** An absolute http(s) URL of sane length, nothing else (no `command:`, `file:`, `javascript:`…). */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH || !/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function fieldIsValid(rule: FieldRule, value: unknown): boolean {
  switch (rule.kind) {
    case 'paperId':
      return isValidPaperId(value);
    case 'webUrl':
      return isWebUrl(value);
    case 'oneOf':
      return typeof value === 'string' && rule.values.includes(value);
  }
}

/**
 * Validates a message received from the webview. Returns a fresh, exactly-typed copy, or undefined for anything
 * malformed: not a plain object, an unknown `type`, a missing, extra or mistyped field, an over-long id.
 */
export function parseWebviewMessage(value: unknown): WebviewToHostMessage | undefined {
  if (!isPlainObject(value)) return undefined;
  const type = value.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(WEBVIEW_MESSAGE_FIELDS, type)) return undefined;
  const rules = WEBVIEW_MESSAGE_FIELDS[type as WebviewToHostMessage['type']];
  const keys = Object.keys(value);
  if (keys.length !== Object.keys(rules).length + 1) return undefined;
  const copy: Record<string, unknown> = { type };
  for (const key of keys) {
    if (key === 'type') continue;
    if (!Object.prototype.hasOwnProperty.call(rules, key) || !fieldIsValid(rules[key], value[key])) return undefined;
    copy[key] = value[key];
  }
  return copy as WebviewToHostMessage;
}

/** Validates the state a webview saved (it comes back through the serializer after a window reload). */
export function parseReaderState(value: unknown): ReaderState | undefined {
  if (!isPlainObject(value) || !isValidPaperId(value.paperId)) return undefined;
  return { paperId: value.paperId };
}
