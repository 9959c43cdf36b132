// --format html: one self-contained page (inline CSS, no scripts, nothing loaded from the network): a summary, a
// bar chart of findings per guidance section in inline SVG, and a table per rule with each finding's code excerpt.
// The only links leaving the page go to the rule docs and the guidance.
import {
  citation, GUIDANCE_SECTIONS, GUIDANCE_TITLE, GUIDANCE_VERSION, ruleDocsUrl, type Finding, type RuleMeta, type Severity,
} from '@kube-hardening/shared-rules';
import { cliFixes, countFindings, guidanceLinks, linesOf, metaOf, plural, rangesOf, sectionOf, severityRank, TOOL, type Report } from './cli-report.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information'];
const COLOURS: Record<Severity, string> = { error: '#c62828', warning: '#b26a00', information: '#1565c0' };
/** Lines of context shown above and below a flagged line. */
const CONTEXT = 2;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escaped text with its `code` spans (rule texts and messages are written in that markdown). */
function prose(s: string): string {
  return escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}

interface Located {
  readonly file: string;
  readonly finding: Finding;
  readonly line: number;
  readonly column: number;
  readonly lines: readonly string[];
}

/** The flagged line with CONTEXT lines around it, numbered, HTML-escaped. */
export function excerpt(lines: readonly string[], line: number): string {
  const from = Math.max(1, line - CONTEXT);
  const to = Math.min(lines.length, line + CONTEXT);
  const width = String(to).length;
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const code = `<span class="ln">${String(n).padStart(width)}</span> ${escapeHtml(lines[n - 1] ?? '')}`;
    rows.push(n === line ? `<mark>${code}</mark>` : code);
  }
  return `<pre class="excerpt"><code>${rows.join('\n')}</code></pre>`;
}

function chart(bySection: Map<string, Record<Severity, number>>): string {
  const labelWidth = 250;
  const barWidth = 420;
  const rowHeight = 30;
  const max = Math.max(1, ...[...bySection.values()].map((c) => c.error + c.warning + c.information));
  const rows = GUIDANCE_SECTIONS.map((section, i) => {
    const counts = bySection.get(section) ?? { error: 0, warning: 0, information: 0 };
    const y = i * rowHeight;
    let x = labelWidth;
    const bars = SEVERITIES.map((sev) => {
      const w = (counts[sev] / max) * barWidth;
      const rect = counts[sev] > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 6}" width="${w.toFixed(1)}" height="${rowHeight - 12}" fill="${COLOURS[sev]}"><title>${escapeHtml(section)}: ${counts[sev]} ${sev}</title></rect>` : '';
      x += w;
      return rect;
    }).join('');
    const total = counts.error + counts.warning + counts.information;
    return `<text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 5}" text-anchor="end">${escapeHtml(section)}</text>${bars}<text x="${(x + 6).toFixed(1)}" y="${y + rowHeight / 2 + 5}">${total}</text>`;
  }).join('\n');
  const height = GUIDANCE_SECTIONS.length * rowHeight;
  const legend = SEVERITIES.map((s) => `<span class="legend"><span class="swatch" style="background:${COLOURS[s]}"></span>${s}</span>`).join(' ');
  return `<svg class="chart" role="img" aria-label="Findings per guidance section" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="${labelWidth + barWidth + 60}" height="${height}">
<title>Findings per guidance section</title>
${rows}
</svg>
<p>${legend}</p>`;
}

function ruleSection(meta: RuleMeta | undefined, ruleId: string, found: readonly Located[]): string {
  const severity = found.map((l) => l.finding.severity).sort((a, b) => severityRank(b) - severityRank(a))[0]!;
  const guidance = guidanceLinks(ruleId).map((g) => `<a href="${escapeHtml(g.url)}">${escapeHtml(citation({ ...g, quote: '' }))}</a>`).join('; ');
  const fix = !meta?.fix ? '' : cliFixes(ruleId)
    ? ` Automatic fix (${meta.fix.safety}, applied by ${meta.fix.safety === 'safe' ? '--fix' : '--fix-review'}): ${prose(meta.fix.description)}`
    : ` Quick fix in the editor: ${prose(meta.fix.description)}`;
  const rows = found.map((l) => `<tr>
<td class="where">${escapeHtml(l.file)}:${l.line}:${l.column}</td>
<td><span class="sev ${l.finding.severity}">${l.finding.severity}</span></td>
<td>${prose(l.finding.message)}${excerpt(l.lines, l.line)}</td>
</tr>`).join('\n');
  return `<section class="rule" id="rule-${escapeHtml(ruleId)}">
<h3><code>${escapeHtml(ruleId)}</code>${meta ? ` ${prose(meta.title)}` : ''} <span class="sev ${severity}">${plural(found.length, 'finding')}</span></h3>
${meta ? `<p>${prose(meta.why)}</p>
<p><strong>How to fix.</strong> ${prose(meta.remediation)}${fix}</p>
<p class="refs">${guidance ? `Guidance: ${guidance} · ` : ''}<a href="${escapeHtml(ruleDocsUrl(ruleId))}">Rule documentation</a></p>` : ''}
<table>
<thead><tr><th>Location</th><th>Severity</th><th>Finding</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0; --code: #f6f8fa; --mark: #fff3bf; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --code: #151b23; --mark: #3b2e00; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { margin-bottom: 4px; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
.muted, .refs { color: var(--muted); }
a { color: inherit; }
.chart text { font: 13px system-ui, sans-serif; fill: var(--fg); }
.legend { margin-right: 16px; } .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
.sev { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; color: #fff; font-weight: 600; vertical-align: 2px; }
.sev.error { background: ${COLOURS.error}; } .sev.warning { background: ${COLOURS.warning}; } .sev.information { background: ${COLOURS.information}; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
td.where { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
pre.excerpt { background: var(--code); padding: 6px 8px; margin: 6px 0 0; overflow-x: auto; font-size: 12px; }
pre.excerpt mark { background: var(--mark); color: inherit; display: inline-block; min-width: 100%; }
.ln { color: var(--muted); user-select: none; }
nav ul { columns: 2; } code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
`;

export function formatHtml(report: Report): string {
  const c = countFindings(report);
  const located: Located[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const range = rangesOf(file.text);
    const lines = linesOf(file.text);
    for (const finding of file.findings) {
      const r = range(finding);
      located.push({ file: file.file, finding, line: r.start.line, column: r.start.column, lines });
    }
  }
  const bySection = new Map<string, Record<Severity, number>>();
  const byRule = new Map<string, Located[]>();
  for (const l of located) {
    const section = sectionOf(l.finding.ruleId);
    const counts = bySection.get(section) ?? { error: 0, warning: 0, information: 0 };
    counts[l.finding.severity]++;
    bySection.set(section, counts);
    byRule.set(l.finding.ruleId, [...(byRule.get(l.finding.ruleId) ?? []), l]);
  }
  const sectionIndex = (id: string) => (GUIDANCE_SECTIONS as readonly string[]).indexOf(sectionOf(id));
  const worst = (ls: readonly Located[]) => Math.max(...ls.map((l) => severityRank(l.finding.severity)));
  const ruleIds = [...byRule.keys()].sort((a, b) => sectionIndex(a) - sectionIndex(b) || worst(byRule.get(b)!) - worst(byRule.get(a)!) || a.localeCompare(b));

  const body: string[] = [];
  body.push(`<header>
<h1>Kube Hardening report</h1>
<p class="muted">${plural(report.files.length, 'file')} checked against the ${escapeHtml(GUIDANCE_TITLE)} v${GUIDANCE_VERSION} by ${TOOL.name} ${escapeHtml(TOOL.version)}.</p>
<p><strong>${plural(c.total, 'finding')}</strong>: ${c.error} error, ${c.warning} warning, ${c.information} information; ${c.failing} at or above the ${report.threshold} threshold${c.fixableSafe + c.fixableReview > 0 ? `; ${c.fixableSafe} fixable with --fix, ${c.fixableReview} more with --fix-review` : ''}.</p>
</header>`);
  if (report.fixed.length > 0) {
    body.push(`<p>Fixed before this report: ${report.fixed.map((f) => `${escapeHtml(f.file)} (${plural(f.applied, 'fix', 'fixes')})`).join(', ')}.</p>`);
  }
  body.push(`<h2>Findings by guidance section</h2>\n${chart(bySection)}`);
  if (ruleIds.length === 0) body.push('<p>No findings.</p>');
  else {
    body.push(`<h2>Rules</h2>\n<nav><ul>\n${ruleIds.map((id) => `<li><a href="#rule-${escapeHtml(id)}"><code>${escapeHtml(id)}</code></a> (${byRule.get(id)!.length})</li>`).join('\n')}\n</ul></nav>`);
    let section = '';
    for (const id of ruleIds) {
      const s = sectionOf(id);
      if (s !== section) {
        section = s;
        body.push(`<h2>${escapeHtml(s)}</h2>`);
      }
      body.push(ruleSection(metaOf(id), id, byRule.get(id)!));
    }
  }
  if (report.skipped.length > 0) {
    body.push(`<h2>Skipped files</h2>\n<ul>\n${report.skipped.map((s) => `<li><code>${escapeHtml(s.file)}</code>: ${escapeHtml(s.reason)}</li>`).join('\n')}\n</ul>`);
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Kube Hardening report</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
