// Helm chart templates: YAML with `{{ … }}` actions. We never report YAML syntax noise or guess templated values:
// every action is masked (same length, so offsets stay true) before parsing. An action that fills a whole line (an
// `if`, an `include … | nindent`, a `toYaml` block) becomes blank lines: a "hole" that may hold any key, so rules
// about something missing stay silent for that object. An action inside a line becomes a placeholder scalar that no
// rule can take for a literal value; findings on it are dropped.
import type { OffsetRange } from './types.js';

/** The placeholder character: a valid plain-scalar character that no real manifest value contains. */
export const TEMPLATE_MARK = '\u22EF';

export interface Masked {
  readonly text: string;
  /** Actions that filled whole lines. */
  readonly holes: readonly OffsetRange[];
  /** Actions inside a line (now placeholders). */
  readonly spans: readonly OffsetRange[];
}

/** Whether a YAML document's text holds template actions (`{{ … }}`). */
export function hasTemplateActions(text: string): boolean {
  return text.includes('{{') && text.includes('}}');
}

export function maskTemplates(text: string): Masked {
  const holes: OffsetRange[] = [];
  const spans: OffsetRange[] = [];
  const chars = text.split('');
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) break;
    const close = text.indexOf('}}', start + 2);
    const end = close < 0 ? text.length : close + 2;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = text.length;
    const before = text.slice(lineStart, start);
    const after = text.slice(end, lineEnd).replace(/\r$/, '');
    // Whole-line actions: nothing but blanks around them (and, for `- {{ … }}`, not a sequence item's value).
    const wholeLine = before.trim() === '' && (after.trim() === '' || /^\s*#/.test(after));
    for (let i = start; i < end; i++) {
      if (chars[i] === '\n' || chars[i] === '\r') continue;
      chars[i] = wholeLine ? ' ' : TEMPLATE_MARK;
    }
    (wholeLine ? holes : spans).push({ start, end });
    from = end;
  }
  return { text: chars.join(''), holes, spans };
}
