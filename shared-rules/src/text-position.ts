// Offsets ↔ 0-based line/character positions (UTF-16, as LSP counts them), for callers without a TextDocument.
export interface LineIndex {
  position(offset: number): { line: number; character: number };
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    position(offset) {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: o - starts[lo]! };
    },
  };
}
