// --fix: applies the engine's fixes to files in place, in passes (fixAll), and writes a file only when the result
// converged and still parses, atomically (a temporary file in the same folder renamed over the original).
import { fixAll, lineIndex, parseYamlDocuments, type FixSafety, type LintOptions } from '@kube-hardening/shared-rules';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FixOutcome {
  /** The fixed text (the original when nothing was applied or the result was refused). */
  readonly text: string;
  readonly applied: number;
  /** Why the fixed text is not written, when it is not. */
  readonly refused?: string;
}

/**
 * Fixes `text` with the chosen rules' fixes: `safe` ones, or with `review` every fix. The result is refused when
 * the fixes did not converge or the fixed text does not parse.
 */
export function fixText(text: string, options: LintOptions, level: FixSafety): FixOutcome {
  const result = fixAll(text, level === 'safe' ? { ...options, safety: 'safe' } : options);
  if (result.applied === 0 || result.text === text) return { text, applied: 0 };
  const refused = fixGuard(text, result.text, result.remaining);
  return refused ? { text, applied: 0, refused } : { text: result.text, applied: result.applied };
}

/**
 * Why a fixed text must not replace the original, or undefined when it may: fixes that still remain after the
 * last pass (they did not converge), or a fixed text that does not parse as YAML.
 */
export function fixGuard(original: string, fixed: string, remaining: number): string | undefined {
  if (remaining > 0) return `the fixes did not converge (${remaining} still offered after the last pass)`;
  const error = firstParseError(fixed);
  if (!error) return undefined;
  const before = firstParseError(original);
  return before ? `the file does not parse as YAML (${before})` : `the fixed text would not parse as YAML (${error})`;
}

function firstParseError(text: string): string | undefined {
  try {
    for (const doc of parseYamlDocuments(text)) {
      const e = doc.errors[0];
      if (e) return `line ${lineIndex(text).position(e.pos[0]).line + 1}: ${e.message}`;
    }
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Replaces the file at `path` with `text` atomically, keeping its permissions. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const st = await fs.stat(path);
  const tmp = join(dirname(path), `.${basename(path)}.kube-harden-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(tmp, text, { encoding: 'utf8', mode: st.mode & 0o7777, flag: 'wx' });
    await fs.chmod(tmp, st.mode & 0o7777);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}
