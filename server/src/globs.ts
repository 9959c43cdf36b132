// Exclusion globs, compiled once each. They come from the workspace (.kube-hardening.yaml, kubeHardening.exclude,
// files.exclude, search.exclude), so a cloned repository chooses them: a glob built to be expensive (a brace range
// of 100,000, a thousand `[`, deeply nested braces or extglobs) or longer than minimatch accepts (it throws past
// 64 KB) is refused and matches nothing, and the caller reports it. Real exclusion globs are short and simple.
import { Minimatch } from 'minimatch';

const MAX_GLOB_LENGTH = 500;
/** Patterns a glob's braces may expand to (an upper bound: nested groups multiply). */
const MAX_BRACE_EXPANSION = 1_000;
/** Nesting of braces and extglob parentheses. */
const MAX_NESTING = 10;
/** Compiled globs kept (a workspace has a handful; the bound only stops a hostile list from growing memory). */
const MAX_COMPILED = 1_000;

/** Why a glob is refused, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  // An upper bound of the brace expansion, and the nesting depth, in one pass.
  const groups: number[] = [];
  let expansion = 1;
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{' || c === '(') {
      groups.push(c === '{' ? i : -1);
      depth = Math.max(depth, groups.length);
      if (depth > MAX_NESTING) return `nested more than ${MAX_NESTING} levels deep`;
    } else if ((c === '}' || c === ')') && groups.length > 0) {
      const open = groups.pop()!;
      if (c === '}' && open >= 0) {
        const body = glob.slice(open + 1, i);
        const range = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
        const size = range
          ? Math.floor(Math.abs(code(range[2]!) - code(range[1]!)) / Math.max(1, Math.abs(Number(range[3] ?? 1)))) + 1
          : body.split(',').length;
        expansion *= size;
        if (expansion > MAX_BRACE_EXPANSION) return `its braces expand to more than ${MAX_BRACE_EXPANSION.toLocaleString('en')} patterns`;
      }
    }
  }
  return undefined;
}

function code(bound: string): number {
  return /^-?\d+$/.test(bound) ? Number(bound) : bound.charCodeAt(0);
}

const compiled = new Map<string, readonly Minimatch[]>();

/** The matchers of one exclusion glob: the glob itself and everything under it; none when it is refused. */
function matchersOf(glob: string): readonly Minimatch[] {
  let matchers = compiled.get(glob);
  if (!matchers) {
    matchers = [];
    if (!globProblem(glob)) {
      try {
        matchers = [new Minimatch(glob, { dot: true }), new Minimatch(`${glob.replace(/\/$/, '')}/**`, { dot: true })];
      } catch {
        matchers = [];
      }
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(glob, matchers);
  }
  return matchers;
}

/** Whether `rel` (a path relative to the globs' folder, with `/`) is excluded by any of the globs. */
export function matchesAny(rel: string, globs: readonly string[]): boolean {
  return globs.some((glob) => matchersOf(glob).some((m) => {
    try {
      return m.match(rel);
    } catch {
      return false;
    }
  }));
}

/** The globs of a list that are refused, with the reason, for the caller to report once. */
export function refusedGlobs(globs: readonly string[]): { readonly glob: string; readonly reason: string }[] {
  const out: { glob: string; reason: string }[] = [];
  for (const glob of globs) {
    const reason = globProblem(glob);
    if (reason) out.push({ glob, reason });
  }
  return out;
}

/** A glob shortened for a message. */
export function shownGlob(glob: string): string {
  return JSON.stringify(glob.length > 60 ? `${glob.slice(0, 57)}...` : glob);
}
