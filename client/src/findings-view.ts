// The "Kube Hardening" view in the Explorer: the guidance's sections, under each the rules with their finding
// counts, under each rule the findings (click to open). Built from the diagnostics VS Code already holds, so it
// shows exactly what the Problems panel shows, for open and unopened files alike.
import * as path from 'node:path';
import {
  EventEmitter, languages, Range, ThemeIcon, TreeItem, TreeItemCollapsibleState, workspace,
  type Diagnostic, type Event, type TreeDataProvider, type Uri,
} from 'vscode';

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly section: string;
  readonly severity: string;
}

export const SOURCE = 'kube-hardening';
const SECTIONS = ['Pod security', 'Network separation', 'Authentication and authorization', 'Audit logging', 'Upgrading', 'Kube Hardening notes'];

export type Node =
  | { readonly type: 'section'; readonly section: string; readonly count: number }
  | { readonly type: 'rule'; readonly rule: RuleInfo; readonly count: number }
  | { readonly type: 'finding'; readonly uri: Uri; readonly diagnostic: Diagnostic };

function codeOf(d: Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

export class FindingsTree implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  private catalog = new Map<string, RuleInfo>();
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // Diagnostics change on every keystroke; the view follows at most a few times a second.
    languages.onDidChangeDiagnostics(() => {
      this.pending ??= setTimeout(() => {
        this.pending = undefined;
        this.changed.fire(undefined);
      }, 250);
    });
  }

  setCatalog(rules: readonly RuleInfo[]): void {
    this.catalog = new Map(rules.map((r) => [r.id, r]));
    this.changed.fire(undefined);
  }

  /** Every Kube Hardening finding VS Code holds, by rule id. */
  private byRule(): Map<string, { uri: Uri; diagnostic: Diagnostic }[]> {
    const out = new Map<string, { uri: Uri; diagnostic: Diagnostic }[]>();
    for (const [uri, diagnostics] of languages.getDiagnostics()) {
      for (const diagnostic of diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const id = codeOf(diagnostic);
        if (!out.has(id)) out.set(id, []);
        out.get(id)!.push({ uri, diagnostic });
      }
    }
    return out;
  }

  private ruleInfo(id: string): RuleInfo {
    return this.catalog.get(id) ?? { id, title: id, section: 'Other', severity: 'warning' };
  }

  getChildren(node?: Node): Node[] {
    const byRule = this.byRule();
    if (!node) {
      const counts = new Map<string, number>();
      for (const [id, list] of byRule) counts.set(this.ruleInfo(id).section, (counts.get(this.ruleInfo(id).section) ?? 0) + list.length);
      return [...SECTIONS, 'Other'].filter((s) => counts.has(s)).map((section) => ({ type: 'section', section, count: counts.get(section)! }));
    }
    if (node.type === 'section') {
      return [...byRule].filter(([id]) => this.ruleInfo(id).section === node.section)
        .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
        .map(([id, list]) => ({ type: 'rule', rule: this.ruleInfo(id), count: list.length }));
    }
    if (node.type === 'rule') {
      return (byRule.get(node.rule.id) ?? [])
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()) || a.diagnostic.range.start.line - b.diagnostic.range.start.line)
        .map(({ uri, diagnostic }) => ({ type: 'finding', uri, diagnostic }));
    }
    return [];
  }

  getTreeItem(node: Node): TreeItem {
    if (node.type === 'section') {
      const item = new TreeItem(node.section, TreeItemCollapsibleState.Expanded);
      item.description = `${node.count}`;
      item.contextValue = 'section';
      return item;
    }
    if (node.type === 'rule') {
      const item = new TreeItem(node.rule.id, TreeItemCollapsibleState.Collapsed);
      item.description = `${node.count} · ${node.rule.title}`;
      item.tooltip = node.rule.title;
      item.iconPath = new ThemeIcon(node.rule.severity === 'error' ? 'error' : node.rule.severity === 'warning' ? 'warning' : 'info');
      item.contextValue = 'rule';
      return item;
    }
    const { uri, diagnostic } = node;
    const item = new TreeItem(diagnostic.message, TreeItemCollapsibleState.None);
    const folder = workspace.getWorkspaceFolder(uri);
    const shown = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : path.basename(uri.fsPath);
    item.description = `${shown}:${diagnostic.range.start.line + 1}`;
    item.tooltip = diagnostic.message;
    item.resourceUri = uri;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new Range(diagnostic.range.start, diagnostic.range.end) }] };
    return item;
  }
}
