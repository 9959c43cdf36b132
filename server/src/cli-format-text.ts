// --format text: findings grouped by file, aligned columns, colour on a terminal, and a summary line.
import { guidanceSection, type Rule, type Severity } from '@kube-hardening/shared-rules';
import { cliFixes, countFindings, plural, rangesOf, type Report } from './cli-report.js';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  ok(s: string): string;
}

const esc = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const SEVERITY_COLOUR: Record<Severity, (s: string) => string> = { error: esc('31'), warning: esc('33'), information: esc('36') };

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, severity: (_, s) => s, ok: (s) => s };
export const COLOUR: Style = { bold: esc('1'), dim: esc('2'), severity: (sev, s) => SEVERITY_COLOUR[sev](s), ok: esc('32') };

/** Colour when forced, else when the stream is a terminal and NO_COLOR is unset (https://no-color.org). */
export function useColour(forced: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (forced !== undefined) return forced;
  return !!stream.isTTY && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

export function formatText(report: Report, style: Style): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const range = rangesOf(file.text);
    const rows = file.findings.map((f) => {
      const r = range(f);
      return { where: `${r.start.line}:${r.start.column}`, f };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const sevWidth = Math.max(...rows.map((r) => r.f.severity.length));
    const idWidth = Math.max(...rows.map((r) => r.f.ruleId.length));
    out.push(style.bold(file.file));
    for (const { where, f } of rows) {
      out.push(`  ${style.dim(where.padEnd(whereWidth))}  ${style.severity(f.severity, f.severity.padEnd(sevWidth))}  ${style.dim(f.ruleId.padEnd(idWidth))}  ${f.message}`);
    }
    out.push('');
  }
  out.push(summaryLine(report, style));
  return `${out.join('\n')}\n`;
}

export function summaryLine(report: Report, style: Style): string {
  const c = countFindings(report);
  const files = plural(report.files.length, 'file');
  if (c.total === 0) return style.ok(`No findings in ${files} checked.`);
  const bySeverity = [plural(c.error, 'error'), plural(c.warning, 'warning'), `${c.information} information`].join(', ');
  const parts = [`${plural(c.total, 'finding')} (${bySeverity}) in ${files} checked`];
  parts.push(c.failing > 0 ? style.severity('error', `${c.failing} at or above ${report.threshold}`) : `none at or above ${report.threshold}`);
  const fixable: string[] = [];
  if (c.fixableSafe > 0) fixable.push(`${c.fixableSafe} fixable with --fix`);
  if (c.fixableReview > 0) fixable.push(`${c.fixableReview} more with --fix-review`);
  if (fixable.length > 0) parts.push(fixable.join(', '));
  return `${parts.join('; ')}.`;
}

/** --list-rules as a table: id, severity, guidance section, fix. */
export function formatRuleTable(rules: readonly Rule[]): string {
  const rows = [['RULE', 'SEVERITY', 'GUIDANCE SECTION', 'FIX'], ...rules.map((r) => [r.meta.id, r.meta.severity, guidanceSection(r.meta), !r.meta.fix ? '-' : cliFixes(r.meta.id) ? r.meta.fix.safety : `${r.meta.fix.safety} (editor only)`])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return `${rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n')}\n`;
}
