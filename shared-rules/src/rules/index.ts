// The rule registry: every rule file in this folder, gathered from the family lists in ../registry/. A
// meta-test fails when a rule file is missing here.
import { CONFIG_FILE_RULES } from '../registry/config-files.js';
import { CONTROL_PLANE_RULES } from '../registry/control-plane.js';
import { CROSS_DOCUMENT_RULES } from '../registry/cross-document.js';
import { ENFORCEMENT_NETWORK_RBAC_RULES } from '../registry/enforcement-network-rbac.js';
import { POD_SECURITY_RULES } from '../registry/pod-security.js';
import type { Rule } from '../rule.js';
import helmTemplate from './helm-template.js';
import unusedSuppression from './unused-suppression.js';

export const RULES: readonly Rule[] = [
  ...POD_SECURITY_RULES,
  ...ENFORCEMENT_NETWORK_RBAC_RULES,
  ...CROSS_DOCUMENT_RULES,
  ...CONTROL_PLANE_RULES,
  ...CONFIG_FILE_RULES,
  unusedSuppression,
  helmTemplate,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
