// --format sarif: one SARIF 2.1.0 run for code scanning (GitHub code scanning and other SARIF viewers).
import { createHash } from 'node:crypto';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { guidanceSection, ruleDocsUrl, ruleMarkdown, type Finding, type Rule, type Severity } from '@kube-hardening/shared-rules';
import { linesOf, rangesOf, TOOL, type Report } from './cli-report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The partialFingerprints key; the suffix changes if the way fingerprints are computed does. */
export const FINGERPRINT_KEY = 'kubeHardeningLineHash/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note' };

/** `no-host-pid` → `NoHostPid`: the rule's name for viewers that show one. */
function ruleName(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function sarifRule(rule: Rule) {
  const m = rule.meta;
  const section = guidanceSection(m);
  return {
    id: m.id,
    name: ruleName(m.id),
    shortDescription: { text: m.title },
    fullDescription: { text: `${m.why} ${m.remediation}` },
    help: { text: `${m.remediation}${m.fix ? ` Quick fix (${m.fix.safety}): ${m.fix.description}` : ''} See ${ruleDocsUrl(m.id)}`, markdown: ruleMarkdown(m) },
    helpUri: ruleDocsUrl(m.id),
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: { guidanceSection: section, peers: [...m.peers], tags: ['security', 'kubernetes', section] },
  };
}

/** The artifact URI of a shown file name: relative names against %SRCROOT%, absolute ones as file URIs. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** Whitespace-insensitive text of a line, so re-indenting does not change fingerprints. */
function normalise(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

/**
 * Stable fingerprints for a file's findings: a hash of the rule id, the file, the normalised text of the flagged
 * line and the finding's occurrence among those with the same three, so they survive lines moving.
 */
export function fingerprints(file: string, text: string, findings: readonly Finding[]): string[] {
  const lines = linesOf(text);
  const range = rangesOf(text);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const line = normalise(lines[range(f).start.line - 1] ?? '');
    const key = `${f.ruleId}\u0000${file.split(sep).join('/')}\u0000${line}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

export function formatSarif(report: Report, cwd: string): string {
  const rules = report.rules.map(sarifRule);
  const index = new Map(report.rules.map((r, i) => [r.meta.id, i]));
  const results = report.files.flatMap((file) => {
    const range = rangesOf(file.text);
    const prints = fingerprints(file.file, file.text, file.findings);
    return file.findings.map((f, i) => {
      const r = range(f);
      const ruleIndex = index.get(f.ruleId);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: artifactLocation(file.file),
            region: { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column },
          },
        }],
        partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
      };
    });
  });
  const notifications = report.skipped.map((s) => ({
    level: 'warning' as const,
    message: { text: `${s.file} was skipped: ${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.file) } }],
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL.name,
          fullName: TOOL.fullName,
          version: TOOL.version,
          semanticVersion: TOOL.version,
          informationUri: TOOL.informationUri,
          rules,
        },
      },
      invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
