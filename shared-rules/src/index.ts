// The engine's public surface: YAML text in, findings and fixes out, as plain data with offsets.
export * from './types.js';
export { lintFile, lintStandalone, fileFacts, fileFindings, fileInternalErrors, splitDocuments, mapOffset } from './file-model.js';
export type { LintedFile, Segment, OffsetEdit, LintOptions } from './file-model.js';
export { lintDocumentText } from './lint-document.js';
export type { DocumentResult } from './lint-document.js';
export { RULES, RULES_BY_ID } from './rules/index.js';
export type { Rule } from './rule.js';
export { guidanceSection, GUIDANCE_SECTIONS, ruleMarkdown, ruleSummaryMarkdown, ruleDocsUrl, guidancePageUrl, citation, GUIDANCE_PDF, GUIDANCE_TITLE, GUIDANCE_VERSION, PDF_PAGE_OFFSET } from './guidance.js';
export { lineIndex } from './text-position.js';
export type { LineIndex } from './text-position.js';
export { suppressionFixes, fixAll, singleEdit, suppressedIdAt, REASON_PLACEHOLDER } from './actions.js';
export type { SuppressionFix, FixAllResult, FixAllOptions } from './actions.js';
export { UNUSED_SUPPRESSION, NEXT_LINE, WHOLE_DOCUMENT, IGNORE_ANNOTATION, IGNORE_REASON_ANNOTATION } from './suppressions.js';
export { buildView, workspaceFindings, changedNamespaces, dependsOn, CROSS_RULE_IDS } from './workspace/cross.js';
export type { FileFacts, WorkspaceView, SuppressionScope } from './workspace/cross.js';
export type { Fact } from './workspace/facts.js';
export type { GuidanceSection } from './guidance.js';
