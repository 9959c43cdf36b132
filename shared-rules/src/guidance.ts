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

/** The guidance's top-level sections, as the editor's view and the docs index group rules. */
/** The last one is not the guidance's: Kube Hardening's own notes (suppressions, templates). */
export const GUIDANCE_SECTIONS = ['Pod security', 'Network separation', 'Authentication and authorization', 'Audit logging', 'Upgrading', 'Kube Hardening notes'] as const;
export type GuidanceSection = (typeof GUIDANCE_SECTIONS)[number];

/** The v1.0 sections (and appendices) under each top-level section, by the start of their headings. */
const SUBSECTIONS: readonly [GuidanceSection, readonly string[]][] = [
  ['Pod security', ['"Non-root"', 'Non-root', 'Immutable container', 'Building secure container', 'Pod Security Policies', 'Protecting Pod service account', 'Hardening container engines', 'Kubernetes Pod security', 'Appendix A', 'Appendix B', 'Appendix C']],
  ['Network separation', ['Network separation', 'Namespaces', 'Network policies', 'Resource policies', 'Control plane hardening', 'Etcd', 'Kubeconfig', 'Worker node segmentation', 'Encryption', 'Secrets', 'Protecting sensitive cloud', 'Appendix D', 'Appendix E', 'Appendix F', 'Appendix G', 'Appendix H', 'Appendix I']],
  ['Authentication and authorization', ['Authentication', 'Role-based access control', 'Appendix J', 'Appendix K']],
  ['Audit logging', ['Log auditing', 'Logging', 'Kubernetes native audit', 'Worker node and container logging', 'Seccomp: audit mode', 'SYSLOG', 'SIEM', 'Alerting', 'Service meshes', 'Fault tolerance', 'Tools', 'Appendix L', 'Appendix M', 'Appendix N']],
  ['Upgrading', ['Upgrading']],
];

/**
 * The top-level section of the guidance a rule belongs to: that of the first of its references that stands in a
 * section (the Recommendations summary and the threat model belong to none), else one derived from its category.
 */
export function guidanceSection(meta: RuleMeta): GuidanceSection {
  for (const ref of meta.guidance) {
    for (const [top, subs] of SUBSECTIONS) if (subs.some((sub) => ref.section.startsWith(sub))) return top;
  }
  switch (meta.category) {
    case 'Pod security':
    case 'Pod security enforcement':
      return 'Pod security';
    case 'Authentication and authorization':
      return 'Authentication and authorization';
    case 'Upgrading':
      return 'Upgrading';
    case 'Suppressions':
    case 'Templates':
      return 'Kube Hardening notes';
    default:
      return 'Network separation';
  }
}
