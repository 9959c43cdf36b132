// Rules of the catalogue's sections 2 (pod security enforcement), 3 (network separation, single-document rules)
// and 4 (RBAC), in catalogue order.
import type { Rule } from '../rule.js';

export const ENFORCEMENT_NETWORK_RBAC_RULES: readonly Rule[] = [];
