/**
 * A minimal stand-in for the `vscode` module, enough for the extension's activate() to run under plain Node so
 * the bench can time it. Anything the extension touches that is not here throws, naming the member, so a new
 * API use shows up as a clear bench failure instead of a silently wrong figure.
 */
import * as path from 'node:path';
import Module from 'node:module';

type Listener<T> = (event: T) => unknown;

class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>, thisArg?: unknown, disposables?: Disposable[]) => {
    const bound: Listener<T> = (value) => listener.call(thisArg, value);
    this.listeners.add(bound);
    const disposable = new Disposable(() => this.listeners.delete(bound));
    disposables?.push(disposable);
    return disposable;
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/** An event nobody fires (window focus, documents opening, …). */
const quietEvent = (_listener: unknown, _thisArg?: unknown, disposables?: Disposable[]) => {
  const disposable = new Disposable();
  disposables?.push(disposable);
  return disposable;
};

class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string, readonly query: string, readonly fragment: string) {}
  static file(fsPath: string): Uri {
    return new Uri('file', '', path.resolve(fsPath), '', '');
  }
  static parse(value: string): Uri {
    const match = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(value);
    if (!match) return new Uri('file', '', value, '', '');
    return new Uri(match[1], match[2] ?? '', decodeURIComponent(match[3] ?? ''), match[4] ?? '', match[5] ?? '');
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return base.with({ path: path.posix.join(base.path, ...segments) });
  }
  static from(parts: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(parts.scheme, parts.authority ?? '', parts.path ?? '', parts.query ?? '', parts.fragment ?? '');
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: Partial<{ scheme: string; authority: string; path: string; query: string; fragment: string }>): Uri {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, path: this.path };
  }
}

class TreeItem {
  [key: string]: unknown;
  constructor(labelOrUri: unknown, public collapsibleState?: number) {
    if (labelOrUri instanceof Uri) this.resourceUri = labelOrUri;
    else this.label = labelOrUri;
  }
}

class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(readonly id: string, readonly color?: unknown) {}
}
class ThemeColor {
  constructor(readonly id: string) {}
}
class MarkdownString {
  isTrusted?: boolean;
  supportThemeIcons?: boolean;
  supportHtml?: boolean;
  constructor(public value = '', supportThemeIcons = false) {
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}
class Position {
  constructor(readonly line: number, readonly character: number) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c as number, d as number) : (b as Position);
  }
}
class RelativePattern {
  constructor(readonly base: unknown, readonly pattern: string) {}
}
class Simple {
  constructor(...args: unknown[]) {
    Object.assign(this, { args });
  }
}
class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Empty = new CodeActionKind('');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
}
class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/** Wraps a namespace so reading a member it lacks throws with the member's name. */
function strict<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
      throw new Error(`fakeVscode: vscode.${name ? `${name}.` : ''}${String(key)} is not implemented (add it to scripts/bench/fakeVscode.ts)`);
    },
  });
}

export interface FakeVscodeOptions {
  /** Values returned by workspace.getConfiguration(section).get(key), keyed "section.key". */
  settings?: Record<string, unknown>;
}

export interface FakeVscode {
  readonly module: Record<string, unknown>;
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
}

export function createFakeVscode(options: FakeVscodeOptions = {}): FakeVscode {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const settings = options.settings ?? {};
  const getConfiguration = (section?: string) => {
    const full = (key: string) => (section ? `${section}.${key}` : key);
    return {
      get: <T>(key: string, fallback?: T) => (full(key) in settings ? (settings[full(key)] as T) : fallback),
      has: (key: string) => full(key) in settings,
      inspect: (key: string) => ({ key: full(key), globalValue: settings[full(key)] }),
      update: async (key: string, value: unknown) => {
        settings[full(key)] = value;
      },
    };
  };
  const treeView = () => ({
    onDidChangeSelection: quietEvent,
    onDidChangeVisibility: quietEvent,
    onDidExpandElement: quietEvent,
    onDidCollapseElement: quietEvent,
    onDidChangeCheckboxState: quietEvent,
    selection: [],
    visible: false,
    reveal: async () => undefined,
    dispose: () => undefined,
    message: undefined,
    title: undefined,
    description: undefined,
    badge: undefined,
  });
  const outputChannel = (name: string) => ({
    name,
    append: () => undefined,
    appendLine: () => undefined,
    replace: () => undefined,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    logLevel: 2,
    onDidChangeLogLevel: quietEvent,
  });
  const vscode = {
    version: '1.90.0-fake',
    Disposable,
    EventEmitter,
    Uri,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    Position,
    Range,
    RelativePattern,
    CancellationTokenSource,
    CodeActionKind,
    Location: Simple,
    Diagnostic: Simple,
    CompletionItem: Simple,
    CodeAction: Simple,
    Hover: Simple,
    DocumentLink: Simple,
    WorkspaceEdit: Simple,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    CompletionItemKind: { Text: 0, Reference: 17 },
    InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    commands: strict('commands', {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        if (commands.has(id)) throw new Error(`fakeVscode: command ${id} registered twice`);
        commands.set(id, handler);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => commands.get(id)?.(...args),
      getCommands: async () => [...commands.keys()],
    }),
    window: strict('window', {
      createTreeView: treeView,
      registerTreeDataProvider: () => new Disposable(),
      registerWebviewPanelSerializer: () => new Disposable(),
      registerWebviewViewProvider: () => new Disposable(),
      createOutputChannel: outputChannel,
      createStatusBarItem: () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
      showErrorMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showInformationMessage: async () => undefined,
      setStatusBarMessage: () => new Disposable(),
      onDidChangeActiveTextEditor: quietEvent,
      onDidChangeVisibleTextEditors: quietEvent,
      onDidChangeTextEditorSelection: quietEvent,
      onDidChangeActiveColorTheme: quietEvent,
      activeTextEditor: undefined,
      visibleTextEditors: [],
      activeColorTheme: { kind: 2 },
    }),
    workspace: strict('workspace', {
      getConfiguration,
      onDidChangeConfiguration: quietEvent,
      onDidChangeWorkspaceFolders: quietEvent,
      onDidOpenTextDocument: quietEvent,
      onDidCloseTextDocument: quietEvent,
      onDidChangeTextDocument: quietEvent,
      onDidSaveTextDocument: quietEvent,
      createFileSystemWatcher: () => ({ onDidChange: quietEvent, onDidCreate: quietEvent, onDidDelete: quietEvent, dispose: () => undefined }),
      registerTextDocumentContentProvider: () => new Disposable(),
      workspaceFolders: undefined,
      textDocuments: [],
      isTrusted: true,
    }),
    languages: strict('languages', {
      registerHoverProvider: () => new Disposable(),
      registerDocumentLinkProvider: () => new Disposable(),
      registerDefinitionProvider: () => new Disposable(),
      registerCompletionItemProvider: () => new Disposable(),
      registerCodeActionsProvider: () => new Disposable(),
      createDiagnosticCollection: () => ({ set: () => undefined, delete: () => undefined, clear: () => undefined, dispose: () => undefined }),
    }),
    env: strict('env', {
      clipboard: { readText: async () => '', writeText: async () => undefined },
      openExternal: async () => true,
      appName: 'Fake VS Code',
      language: 'en',
      uiKind: 1,
    }),
  };
  // esbuild's CommonJS interop reads __esModule/default; everything else must exist.
  const module = new Proxy(vscode as Record<string, unknown>, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target || key === '__esModule' || key === 'default' || key === 'then') return Reflect.get(target, key, receiver);
      throw new Error(`fakeVscode: vscode.${String(key)} is not implemented (add it to scripts/bench/fakeVscode.ts)`);
    },
  });
  return { module, commands };
}

const FAKE_ID = path.join(__dirname, '__fake_vscode__.js');

/** Makes `require('vscode')` return the fake, via Node's resolver and module cache. */
export function installFakeVscode(fake: FakeVscode): void {
  const moduleApi = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = moduleApi._resolveFilename;
  moduleApi._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return FAKE_ID;
    return original.call(this, request, ...rest);
  };
  const cached = new Module(FAKE_ID);
  cached.filename = FAKE_ID;
  cached.loaded = true;
  cached.exports = fake.module;
  (Module as unknown as { _cache: Record<string, unknown> })._cache[FAKE_ID] = cached;
}

/** An ExtensionContext with real folders for storage, as activate() receives it. */
export function fakeExtensionContext(extensionPath: string, storageDir: string): Record<string, unknown> {
  const memento = () => {
    const values = new Map<string, unknown>();
    return { get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback), update: async (key: string, value: unknown) => void values.set(key, value), keys: () => [...values.keys()], setKeysForSync: () => undefined };
  };
  return {
    subscriptions: [],
    extensionPath,
    extensionUri: Uri.file(extensionPath),
    globalStorageUri: Uri.file(path.join(storageDir, 'global')),
    globalStoragePath: path.join(storageDir, 'global'),
    storageUri: Uri.file(path.join(storageDir, 'workspace')),
    storagePath: path.join(storageDir, 'workspace'),
    logUri: Uri.file(path.join(storageDir, 'logs')),
    globalState: memento(),
    workspaceState: memento(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: quietEvent },
    extensionMode: 1,
    asAbsolutePath: (relative: string) => path.join(extensionPath, relative),
    environmentVariableCollection: { replace: () => undefined, append: () => undefined, prepend: () => undefined, clear: () => undefined },
    extension: { id: 'paper-shelf.paper-shelf', extensionPath, packageJSON: {} },
  };
}
