// Where the guidance and our rule docs live, and how a rule's guidance is shown (hovers, docs, CLI).
import type { Finding, GuidanceRef, RuleMeta } from './types.js';

export const GUIDANCE_TITLE = 'NSA/CISA Kubernetes Hardening Guidance';
export const GUIDANCE_VERSION = '1.0';
export const GUIDANCE_PDF = 'https://media.defense.gov/2021/Aug/03/2002820425/-1/-1/1/CTR_KUBERNETES%20HARDENING%20GUIDANCE.PDF';
/** v1.0's PDF pages run 7 ahead of its printed page numbers. */
export const PDF_PAGE_OFFSET = 7;
/** Rule documentation, one page per rule id (docs/rules/<id>.md in the repository). */
export const DOCS_BASE = 'https://github.com/kube-hardening/kube-hardening/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function guidancePageUrl(ref: GuidanceRef): string {
  return `${GUIDANCE_PDF}#page=${ref.page + PDF_PAGE_OFFSET}`;
}

export function citation(ref: GuidanceRef): string {
  return `${GUIDANCE_TITLE} v${GUIDANCE_VERSION}, “${ref.section}”, p. ${ref.page}`;
}

/** Markdown for a rule: title, the quotes with their source, why, the fix, a docs link. */
export function ruleMarkdown(meta: RuleMeta, finding?: Finding): string {
  const parts: string[] = [];
  parts.push(`**${meta.title}** · \`${meta.id}\``);
  if (finding) parts.push(finding.message);
  for (const ref of meta.guidance) {
    parts.push(`> “${ref.quote}”\n>\n> — [${citation(ref)}](${guidancePageUrl(ref)})`);
  }
  parts.push(`**Why it matters.** ${meta.why}`);
  parts.push(`**How to fix.** ${meta.remediation}${meta.fix ? ` Quick fix (${meta.fix.safety}): ${meta.fix.description}` : ''}`);
  if (finding?.stale) parts.push('_The YAML document does not parse right now; this finding is from before the last edit._');
  parts.push(`[Rule documentation](${ruleDocsUrl(meta.id)})`);
  return parts.join('\n\n');
}

/** A short summary of a rule (for hovers on a rule id written in a suppression). */
export function ruleSummaryMarkdown(meta: RuleMeta): string {
  const where = meta.guidance.map((ref) => `[${citation(ref)}](${guidancePageUrl(ref)})`).join('; ');
  return [`**${meta.title}** · \`${meta.id}\` · ${meta.severity}`, where ? `Guidance: ${where}` : meta.category, `[Rule documentation](${ruleDocsUrl(meta.id)})`].join('\n\n');
}
