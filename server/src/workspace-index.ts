// The workspace index: for every Kubernetes YAML file the server knows (open buffers and, when scanning, files on
// disk), its facts and its local findings, never its syntax tree or text. Cross-document rules read the view
// built from it; a change reports the namespaces it touched so only the files that depend on them are re-judged.
import {
  buildView, changedNamespaces, dependsOn, type FileFacts, type Finding, type WorkspaceView,
} from '@kube-hardening/shared-rules';
import type { Position } from 'vscode-languageserver';
import { lineStartsOf } from './index-entry.js';

/** Offsets to positions for a file whose text we do not keep. */
export interface PositionMap {
  positionAt(offset: number): Position;
}

export function lineMap(text: string): PositionMap {
  return lineMapOf(lineStartsOf(text), text.length);
}

/** Positions from the offsets where lines start (computed where the text was read: a scan worker). */
export function lineMapOf(lineStarts: Uint32Array, length: number): PositionMap {
  return {
    positionAt(offset) {
      const o = Math.max(0, Math.min(offset, length));
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: o - lineStarts[lo]! };
    },
  };
}

export interface IndexedFile {
  readonly uri: string;
  readonly facts: FileFacts;
  /** Findings of the file's own documents (offsets into its text). */
  readonly local: readonly Finding[];
  /** Positions for unopened files; open files use their TextDocument. */
  readonly positions: PositionMap;
  /** Set when the file was not linted because it is too large: its size, shown in one information diagnostic. */
  readonly skippedBytes?: number;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private cachedView: WorkspaceView | undefined;

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  get size(): number {
    return this.files.size;
  }

  /** Stores a file; returns the namespaces in which other files' judgement may have changed. */
  set(file: IndexedFile): Set<string> {
    const before = this.files.get(file.uri);
    this.files.set(file.uri, file);
    const changed = changedNamespaces(before?.facts, file.facts);
    // Offsets that only moved do not matter to other files (the workspace pass reads the judged file's own facts
    // from its current version), but the line ending and final newline shape what a fix appends to this file.
    const shape = (f: FileFacts | undefined) => f && `${f.eol}${f.finalNewline}`;
    if (changed.size > 0 || !before || shape(before.facts) !== shape(file.facts)) this.cachedView = undefined;
    return changed;
  }

  delete(uri: string): Set<string> {
    const before = this.files.get(uri);
    if (!before) return new Set();
    this.files.delete(uri);
    this.cachedView = undefined;
    return changedNamespaces(before.facts, undefined);
  }

  clear(): void {
    this.files.clear();
    this.cachedView = undefined;
  }

  view(): WorkspaceView {
    this.cachedView ??= buildView([...this.files.values()].map((f) => f.facts));
    return this.cachedView;
  }

  /** Files whose judgement depends on any of these namespaces, except `except`. */
  dependents(namespaces: ReadonlySet<string>, except?: string): string[] {
    if (namespaces.size === 0) return [];
    const out: string[] = [];
    for (const f of this.files.values()) {
      if (f.uri === except) continue;
      for (const ns of dependsOn(f.facts)) {
        if (namespaces.has(ns)) {
          out.push(f.uri);
          break;
        }
      }
    }
    return out;
  }
}
