// The diagnostics of an open document, assembled per YAML document so that a keystroke costs the document it
// touched, not the file: each document's findings are judged against the workspace and converted to LSP
// diagnostics once per (document result, workspace view, settings), then reused while the document's text is
// unchanged. Findings hold offsets relative to their document, so a document that only moved (text inserted above
// it) keeps its diagnostics as long as it starts on the same line, and gets them moved by whole lines when not.
// The result equals toDiagnostics(workspaceFindings(fileFindings(...))), in the same order (a test holds it).
import {
  byPosition, crossFileFindings, fileNotes, judgeLocal, segmentFindings,
  type DocumentResult, type FileFacts, type Finding, type LintedFile, type Segment, type WorkspaceView,
} from '@kube-hardening/shared-rules';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { effectiveSeverity, moveLines, toDiagnostics, type Positions } from './convert.js';
import type { Settings } from './settings.js';

interface Converted {
  readonly view: WorkspaceView;
  readonly settings: Settings;
  readonly partial: boolean;
  /** The document's findings judged, sorted and shown under the settings, offsets relative to the document. */
  readonly findings: readonly Finding[];
  /** Their diagnostics (one each, in step), for the document starting at line 0. */
  readonly relative: readonly Diagnostic[];
  /** The diagnostics as last placed, and the line they were placed at. */
  placedAt: number;
  placed: readonly Diagnostic[];
}

const converted = new WeakMap<DocumentResult, Converted>();

function convert(linted: LintedFile, segment: Segment, view: WorkspaceView, settings: Settings): Converted {
  const judged = judgeLocal(segmentFindings(linted, segment), segment.result.facts, view)
    .filter((f) => effectiveSeverity(f, settings) !== undefined)
    .sort(byPosition);
  // Offsets relative to the document: positions from a line table of the document's own text.
  const positions: Positions = TextDocument.create('', 'yaml', 0, segment.text);
  const relative = toDiagnostics(positions, judged, settings);
  return { view, settings, partial: !!linted.partial, findings: judged, relative, placedAt: 0, placed: relative };
}

/**
 * Diagnostics for an open document: its documents' findings judged against `view`, plus the file-level ones (the
 * cross-document rules', the Helm note), in the order of `byPosition`.
 */
export function openDiagnostics(document: Positions, linted: LintedFile, facts: FileFacts, view: WorkspaceView, ran: ReadonlySet<string>, settings: Settings): Diagnostic[] {
  if (!settings.enable) return [];
  // File-level findings are few; they are merged in by position (ties by rule id, as byPosition orders them).
  const fileLevel = [...fileNotes(linted), ...crossFileFindings(facts, view, ran)]
    .filter((f) => effectiveSeverity(f, settings) !== undefined)
    .sort(byPosition);
  const fileLevelDiagnostics = toDiagnostics(document, fileLevel, settings);
  let next = 0;
  const out: Diagnostic[] = [];
  for (const segment of linted.segments) {
    let entry = converted.get(segment.result);
    if (!entry || entry.view !== view || entry.settings !== settings || entry.partial !== !!linted.partial) {
      entry = convert(linted, segment, view, settings);
      converted.set(segment.result, entry);
    }
    const line = document.positionAt(segment.start).line;
    if (entry.placedAt !== line) {
      entry.placed = moveLines(entry.relative, line);
      entry.placedAt = line;
    }
    for (let i = 0; i < entry.placed.length; i++) {
      if (next < fileLevel.length) {
        const f = entry.findings[i]!;
        const start = f.range.start + segment.start;
        while (next < fileLevel.length && (fileLevel[next]!.range.start - start || fileLevel[next]!.ruleId.localeCompare(f.ruleId)) <= 0) {
          out.push(fileLevelDiagnostics[next++]!);
        }
      }
      out.push(entry.placed[i]!);
    }
  }
  while (next < fileLevel.length) out.push(fileLevelDiagnostics[next++]!);
  return out;
}
