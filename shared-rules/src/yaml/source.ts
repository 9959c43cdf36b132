// One parsed YAML document together with its own text and the layout style fixes must follow.
import { isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import type { Style } from './render.js';

export interface SourceDoc {
  /** The text of this YAML document alone; every node range and edit offset is relative to it. */
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly style: Style;
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before any `\r\n` or `\n`. */
export function lineEndOf(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > 0 && text[end - 1] === '\r') end--;
  return end;
}

/**
 * The style of one YAML document, read from the document itself (so a cached result depends on its text alone):
 * line endings, the indentation step of nested block maps, and whether block sequences are indented under their
 * key. The defaults, for a document that shows neither, are the most common style in Helm charts.
 */
export function detectStyle(text: string, doc: Document.Parsed): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let indent: number | undefined;
  let indentSequences: boolean | undefined;
  {
    visit(doc, {
      Pair(_, pair) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return;
        const value = pair.value;
        // Only a block collection under its key shows the style; checking that first keeps a long line of flow
        // pairs linear (measuring a column scans back over the line).
        if (!(isMap(value) || isSeq(value)) || value.flow || !value.range) return;
        const keyCol = columnOf(text, pair.key.range[0]);
        if (indent === undefined && isMap(value) && !value.flow && value.range) {
          const step = columnOf(text, value.range[0]) - keyCol;
          if (step > 0 && lineStartOf(text, value.range[0]) !== lineStartOf(text, pair.key.range[0])) indent = step;
        }
        if (indentSequences === undefined && isSeq(value) && !value.flow && value.range) {
          if (lineStartOf(text, value.range[0]) !== lineStartOf(text, pair.key.range[0])) {
            indentSequences = columnOf(text, value.range[0]) > keyCol;
          }
        }
        if (indent !== undefined && indentSequences !== undefined) return visit.BREAK;
        return undefined;
      },
    });
  }
  return { eol, indent: indent ?? 2, indentSequences: indentSequences ?? true };
}
