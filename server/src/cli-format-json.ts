// --format json: a versioned, documented schema (docs/cli-json-schema.md, schemas/cli-output.schema.json).
// Bump JSON_VERSION when a field changes meaning or goes away; adding a field does not bump it.
import { GUIDANCE_PDF, GUIDANCE_TITLE, GUIDANCE_VERSION, guidanceSection, ruleDocsUrl, type Rule } from '@kube-hardening/shared-rules';
import { cliFix, cliFixes, countFindings, guidanceLinks, rangesOf, TOOL, type Report } from './cli-report.js';

export const JSON_VERSION = 1;

function tool() {
  return {
    name: TOOL.name,
    version: TOOL.version,
    informationUri: TOOL.informationUri,
    guidance: { title: GUIDANCE_TITLE, version: GUIDANCE_VERSION, url: GUIDANCE_PDF },
  };
}

export function formatJson(report: Report): string {
  const c = countFindings(report);
  const out = {
    version: JSON_VERSION,
    tool: tool(),
    files: report.files.map((file) => {
      const range = rangesOf(file.text);
      return {
        file: file.file,
        findings: file.findings.map((f) => {
          const fix = cliFix(f);
          return {
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            range: range(f),
            guidance: guidanceLinks(f.ruleId),
            fixable: !!fix,
            ...(fix ? { fix: { title: fix.title, safety: fix.safety } } : {}),
            docs: ruleDocsUrl(f.ruleId),
          };
        }),
      };
    }),
    skipped: report.skipped.map((s) => ({ file: s.file, reason: s.reason })),
    fixed: report.fixed.map((f) => ({ file: f.file, applied: f.applied })),
    summary: {
      files: report.files.length,
      filesWithFindings: c.filesWithFindings,
      findings: c.total,
      bySeverity: { error: c.error, warning: c.warning, information: c.information },
      threshold: report.threshold,
      failing: c.failing,
      fixable: { safe: c.fixableSafe, review: c.fixableReview },
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** --list-rules --format json. */
export function formatRulesJson(rules: readonly Rule[]): string {
  const out = {
    version: JSON_VERSION,
    tool: tool(),
    rules: rules.map((r) => ({
      id: r.meta.id,
      title: r.meta.title,
      severity: r.meta.severity,
      category: r.meta.category,
      guidanceSection: guidanceSection(r.meta),
      guidance: guidanceLinks(r.meta.id),
      fix: r.meta.fix ? { safety: r.meta.fix.safety, description: r.meta.fix.description, cli: cliFixes(r.meta.id) } : null,
      peers: [...r.meta.peers],
      docs: ruleDocsUrl(r.meta.id),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
