// The one module that turns the engine's plain findings into LSP types. Nothing else in the server builds a
// Diagnostic, a Hover or a CodeAction.
import { RULES_BY_ID, ruleDocsUrl, ruleMarkdown, type Finding, type Fix, type Severity } from '@kube-hardening/shared-rules';
import {
  CodeAction, CodeActionKind, DiagnosticSeverity, MarkupKind, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit,
  type Diagnostic, type Hover, type WorkspaceEdit,
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

export function toDiagnostics(doc: TextDocument, findings: readonly Finding[], settings: Settings): Diagnostic[] {
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

export function toWorkspaceEdit(doc: TextDocument, fix: Fix, versioned: boolean): WorkspaceEdit {
  const edits = fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
  if (versioned) {
    return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version), edits)] };
  }
  return { changes: { [doc.uri]: edits } };
}

export function toQuickFix(doc: TextDocument, fix: Fix, diagnostic: Diagnostic, versioned: boolean): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(doc, fix, versioned), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred;
  return action;
}
