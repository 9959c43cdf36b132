// What the CLI's formats print: the checked files with their findings, and helpers they share (positions, counts,
// the tool's name and version).
import {
  CROSS_RULE_IDS, GUIDANCE_SECTIONS, guidancePageUrl, guidanceSection, lineIndex, RULES_BY_ID, type Finding, type GuidanceSection, type Rule, type RuleMeta, type Severity,
} from '@kube-hardening/shared-rules';
import type { Skipped } from './cli-files.js';

// The package's version, bundled into dist/cli.js at build time (from server/out it is read at run time).
const PACKAGE = require('../../package.json') as { name: string; version: string; repository?: { url?: string } };

export const TOOL = {
  name: 'kube-harden',
  fullName: 'Kube Hardening',
  version: PACKAGE.version,
  informationUri: (PACKAGE.repository?.url ?? 'https://github.com/kube-hardening/kube-hardening').replace(/\.git$/, ''),
} as const;

export interface ReportFile {
  /** The name shown (relative to the current folder when inside it; `<stdin>` for standard input). */
  readonly file: string;
  readonly text: string;
  readonly findings: readonly Finding[];
}

export interface Report {
  readonly files: readonly ReportFile[];
  readonly skipped: readonly Skipped[];
  /** The rules that ran, in registry order. */
  readonly rules: readonly Rule[];
  readonly threshold: Severity;
  /** Fixes applied by --fix, per file (only files with some). */
  readonly fixed: readonly { readonly file: string; readonly applied: number }[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1 };

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
}

export interface LineRange {
  readonly start: Position;
  readonly end: Position;
}

/** A function giving 1-based line/column ranges for offsets into one text. */
export function rangesOf(text: string): (f: Finding) => LineRange {
  const index = lineIndex(text);
  const pos = (offset: number): Position => {
    const p = index.position(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return (f) => ({ start: pos(f.range.start), end: pos(f.range.end) });
}

/** The text of the file's lines, without line ends. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

const CROSS = new Set<string>(CROSS_RULE_IDS);

/** Whether --fix/--fix-review can apply the rule's fixes (see cliFix). */
export function cliFixes(ruleId: string): boolean {
  return !CROSS.has(ruleId) && !!metaOf(ruleId)?.fix;
}

/**
 * The fix --fix (safe) or --fix-review applies for a finding. Those are the fixes of the file's own documents; the
 * cross-document rules' fixes (a NetworkPolicy, LimitRange or ResourceQuota added for a namespace) are the
 * editor's only.
 */
export function cliFix(f: Finding): Finding['fixes'][number] | undefined {
  if (!cliFixes(f.ruleId)) return undefined;
  const usable = f.fixes.filter((x) => x.edits.length > 0);
  // The fix --fix applies when there is a safe one, else the one --fix-review applies.
  return usable.find((x) => x.preferred && x.safety === 'safe') ?? usable.find((x) => x.safety === 'safe') ?? usable.find((x) => x.preferred) ?? usable[0];
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly total: number;
  /** At or above the threshold. */
  readonly failing: number;
  readonly fixableSafe: number;
  readonly fixableReview: number;
  readonly filesWithFindings: number;
}

export function countFindings(report: Report): Counts {
  const c = { error: 0, warning: 0, information: 0, total: 0, failing: 0, fixableSafe: 0, fixableReview: 0, filesWithFindings: 0 };
  for (const file of report.files) {
    if (file.findings.length > 0) c.filesWithFindings++;
    for (const f of file.findings) {
      c[f.severity]++;
      c.total++;
      if (atOrAbove(f.severity, report.threshold)) c.failing++;
      const fix = cliFix(f);
      if (fix?.safety === 'safe') c.fixableSafe++;
      else if (fix) c.fixableReview++;
    }
  }
  return c;
}

export function metaOf(ruleId: string): RuleMeta | undefined {
  return RULES_BY_ID.get(ruleId)?.meta;
}

export function sectionOf(ruleId: string): GuidanceSection {
  const meta = metaOf(ruleId);
  return meta ? guidanceSection(meta) : GUIDANCE_SECTIONS[GUIDANCE_SECTIONS.length - 1]!;
}

export interface GuidanceLink {
  readonly section: string;
  readonly page: number;
  readonly url: string;
}

export function guidanceLinks(ruleId: string): GuidanceLink[] {
  const out: GuidanceLink[] = [];
  for (const g of metaOf(ruleId)?.guidance ?? []) {
    // Two quotes from the same page are one link.
    if (!out.some((l) => l.section === g.section && l.page === g.page)) out.push({ section: g.section, page: g.page, url: guidancePageUrl(g) });
  }
  return out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
