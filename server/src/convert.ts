// The one module that turns the engine's plain findings into LSP types. Nothing else in the server builds a
// Diagnostic, a Hover or a CodeAction.
import { RULES_BY_ID, ruleDocsUrl, ruleMarkdown, ruleSummaryMarkdown, type Finding, type Fix, type OffsetRange, type Severity, type TextEdit } from '@kube-hardening/shared-rules';
import {
  CodeAction, CodeActionKind, Command, DiagnosticSeverity, MarkupKind, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit,
  type Diagnostic, type Hover, type Position, type Range, type SnippetTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from './settings.js';

export const SOURCE = 'kube-hardening';

/** What a diagnostic carries back to us in code-action requests: identity by rule id, never by message text. */
export interface DiagnosticData {
  readonly ruleId: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** The severity a finding is shown with under the settings, or undefined when its rule is off. */
export function effectiveSeverity(finding: Finding, settings: Settings): Severity | undefined {
  const level = settings.rules[finding.ruleId];
  if (level === 'off') return undefined;
  return level ?? finding.severity;
}

/** Offsets to positions: a TextDocument, or a line map of a file whose text is not kept. */
export interface Positions {
  positionAt(offset: number): Position;
}

export function toDiagnostics(doc: Positions, findings: readonly Finding[], settings: Settings): Diagnostic[] {
  if (!settings.enable) return [];
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const severity = effectiveSeverity(f, settings);
    if (!severity) continue;
    const data: DiagnosticData = { ruleId: f.ruleId };
    out.push({
      range: { start: doc.positionAt(f.range.start), end: doc.positionAt(f.range.end) },
      severity: SEVERITY[severity],
      code: f.ruleId,
      codeDescription: { href: ruleDocsUrl(f.ruleId) },
      source: SOURCE,
      message: f.message,
      data,
    });
  }
  return out;
}

/** Diagnostics computed for text starting at line 0, for the same text starting at line `by`. */
export function moveLines(diagnostics: readonly Diagnostic[], by: number): Diagnostic[] {
  return diagnostics.map((d) => ({
    ...d,
    range: { start: { line: d.range.start.line + by, character: d.range.start.character }, end: { line: d.range.end.line + by, character: d.range.end.character } },
  }));
}

export function toHover(doc: TextDocument, findings: readonly Finding[]): Hover | null {
  if (findings.length === 0) return null;
  const sections = findings.flatMap((f) => {
    const rule = RULES_BY_ID.get(f.ruleId);
    return rule ? [ruleMarkdown(rule.meta, f)] : [];
  });
  if (sections.length === 0) return null;
  const first = findings[0]!;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: { start: doc.positionAt(first.range.start), end: doc.positionAt(first.range.end) },
  };
}

/** What the client can take in a WorkspaceEdit. */
export interface EditSupport {
  readonly versioned: boolean;
  readonly snippets: boolean;
}

/** Where a fix's reason placeholder stands: edit index and offset in that edit's newText. */
export interface Placeholder {
  readonly edit: number;
  readonly at: number;
  readonly length: number;
}

/** `$`, `}` and `\` are special in snippet text. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function toWorkspaceEdit(doc: TextDocument, edits: readonly TextEdit[], support: EditSupport, placeholder?: Placeholder): WorkspaceEdit {
  const converted = edits.map((e, i) => {
    const range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
    if (placeholder && support.snippets && support.versioned && placeholder.edit === i) {
      const before = e.newText.slice(0, placeholder.at);
      const name = e.newText.slice(placeholder.at, placeholder.at + placeholder.length);
      const after = e.newText.slice(placeholder.at + placeholder.length);
      const edit: SnippetTextEdit = { range, snippet: { kind: 'snippet', value: `${escapeSnippet(before)}\${1:${escapeSnippet(name)}}${escapeSnippet(after)}` } };
      return edit;
    }
    return { range, newText: e.newText };
  });
  if (support.versioned) {
    return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version), converted)] };
  }
  return { changes: { [doc.uri]: converted as { range: Range; newText: string }[] } };
}

export function toQuickFix(
  doc: TextDocument, fix: Fix & { readonly placeholder?: Placeholder }, diagnostics: Diagnostic[], support: EditSupport,
  otherFile?: (uri: string) => Positions | undefined,
): CodeAction {
  const edit = toWorkspaceEdit(doc, fix.edits, support, fix.placeholder);
  if (fix.append) {
    // A new document at the end of another file (the Namespace's): its end is known without its text.
    const end = otherFile?.(fix.append.file)?.positionAt(Number.MAX_SAFE_INTEGER) ?? { line: 0, character: 0 };
    const appended = { range: { start: end, end }, newText: fix.append.text };
    if (edit.documentChanges) {
      edit.documentChanges = [...(fix.edits.length > 0 ? edit.documentChanges : []),
        TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(fix.append.file, null), [appended])];
    } else {
      edit.changes = { ...(fix.edits.length > 0 ? edit.changes : {}), [fix.append.file]: [appended] };
    }
  }
  const action = CodeAction.create(fix.title, edit, CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  if (fix.preferred) action.isPreferred = true;
  return action;
}

export const SHOW_DOCUMENTATION = 'kube-hardening.showDocumentation';

export function toShowDocumentation(ruleId: string, diagnostics: Diagnostic[]): CodeAction {
  const title = `Show documentation for \`${ruleId}\``;
  const action = CodeAction.create(title, Command.create(title, SHOW_DOCUMENTATION, ruleDocsUrl(ruleId)), CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  return action;
}

/** Hover on a rule id written in a suppression: the rule's title and where the guidance speaks of it. */
export function toRuleIdHover(doc: TextDocument, ruleId: string, range: OffsetRange): Hover | null {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: ruleSummaryMarkdown(rule.meta) },
    range: { start: doc.positionAt(range.start), end: doc.positionAt(range.end) },
  };
}
