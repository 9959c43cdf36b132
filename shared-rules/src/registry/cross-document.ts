// The cross-document rules of the catalogue (marked ×): judged by the workspace pass against every file.
import type { Rule } from '../rule.js';
import defaultDenyNetworkPolicy from '../rules/default-deny-network-policy.js';
import namespaceLimitRange from '../rules/namespace-limit-range.js';
import namespaceResourceQuota from '../rules/namespace-resource-quota.js';
import podNetworkIsolated from '../rules/pod-network-isolated.js';

export const CROSS_DOCUMENT_RULES: readonly Rule[] = [defaultDenyNetworkPolicy, podNetworkIsolated, namespaceLimitRange, namespaceResourceQuota];
