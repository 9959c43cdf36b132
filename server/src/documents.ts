// Open documents: the editor's text (kept in sync incrementally) and the engine's result for it. Each change is
// recorded as an offset edit so the engine can reuse unchanged YAML documents and move the findings of a document
// that does not parse right now.
import {
  fileFindings, lintFile, type FileFacts, type Finding, type LintOptions, type LintedFile, type OffsetEdit, type WorkspaceView,
} from '@kube-hardening/shared-rules';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

export interface OpenDocument {
  document: TextDocument;
  /** The engine's result for `lintedVersion`; undefined until the first lint. */
  linted: LintedFile | undefined;
  lintedVersion: number | undefined;
  /** The local findings of `linted` (file offsets), computed when first read: a keystroke's publish does not need them. */
  readonly findings: readonly Finding[];
  /** Edits applied since `linted` was computed, in order, each in the coordinates of the text it applied to. */
  pendingEdits: OffsetEdit[];
  /** With workspace scanning off: the view of this file alone, and the facts it was built from. */
  ownView?: { readonly facts: FileFacts; readonly view: WorkspaceView };
  /**
   * The findings behind the current diagnostics (local ones judged against the workspace, plus the cross-document
   * rules'), for hovers and code actions, and the lint result, view and settings they were judged from: judged when
   * one asks (publishing builds diagnostics per document), reused while those stay the same.
   */
  judged?: { readonly linted: LintedFile; readonly view: WorkspaceView; readonly settings: unknown; readonly findings: readonly Finding[] };
}

const isPosition = (p: unknown): boolean =>
  typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);

/**
 * Why a didChange's content changes cannot be applied (a misbehaving client), or undefined when they can: each needs
 * a string text, and a range (when it has one) of integer positions.
 */
export function malformedChanges(changes: unknown): string | undefined {
  if (!Array.isArray(changes)) return 'contentChanges is not a list';
  for (const [i, c] of changes.entries()) {
    if (typeof c !== 'object' || c === null || typeof (c as { text?: unknown }).text !== 'string') return `change ${i} has no text`;
    if ('range' in c) {
      const range = (c as { range: unknown }).range as { start?: unknown; end?: unknown } | null;
      if (typeof range !== 'object' || range === null || !isPosition(range.start) || !isPosition(range.end)) return `change ${i} has a malformed range`;
    }
  }
  return undefined;
}

const localFindings = new WeakMap<LintedFile, readonly Finding[]>();

function findingsOf(linted: LintedFile): readonly Finding[] {
  let findings = localFindings.get(linted);
  if (!findings) localFindings.set(linted, (findings = fileFindings(linted)));
  return findings;
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const state: OpenDocument = {
      document: TextDocument.create(uri, languageId, version, text),
      linted: undefined,
      lintedVersion: undefined,
      get findings() {
        return this.linted ? findingsOf(this.linted) : [];
      },
      pendingEdits: [],
    };
    this.docs.set(uri, state);
    return state;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  close(uri: string): boolean {
    return this.docs.delete(uri);
  }

  /** Applies the editor's changes in order; returns false for a document we do not have. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): boolean {
    const state = this.docs.get(uri);
    if (!state) return false;
    let doc = state.document;
    for (const change of changes) {
      const length = doc.getText().length;
      if ('range' in change) {
        // A misbehaving client's range (past the end, on a line that does not exist, end before start) is clamped
        // and ordered, and the document gets exactly the edit recorded: TextDocument.update trusts the range's line
        // numbers, and a line past the end corrupts its line table (positions become NaN, later edits the text).
        const a = Math.min(doc.offsetAt(change.range.start), length);
        const b = Math.min(doc.offsetAt(change.range.end), length);
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        state.pendingEdits.push({ start, end, newText: change.text });
        doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: change.text }], version);
      } else {
        state.pendingEdits.push({ start: 0, end: length, newText: change.text });
        doc = TextDocument.update(doc, [change], version);
      }
    }
    state.document = doc;
    return true;
  }

  /** Lints the current text, reusing the previous result; cheap when nothing changed. */
  lint(state: OpenDocument, options: LintOptions = {}): void {
    if (state.lintedVersion === state.document.version && state.linted && state.linted.config === options.config && !!state.linted.partial === !!options.partial) return;
    state.linted = lintFile(state.document.getText(), state.linted, state.pendingEdits, options);
    state.lintedVersion = state.document.version;
    state.pendingEdits = [];
  }
}
