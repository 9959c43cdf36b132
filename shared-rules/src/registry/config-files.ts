// Rules of the catalogue's section 6 (EncryptionConfiguration, audit Policy, kubeconfig files) and section 7
// (upgrading), in catalogue order. The kubelet rules of section 6 are registered with the control plane rules.
import type { Rule } from '../rule.js';
import auditPolicyAnonymous from '../rules/audit-policy-anonymous.js';
import auditPolicyCatchAll from '../rules/audit-policy-catch-all.js';
import auditPolicyLevels from '../rules/audit-policy-levels.js';
import auditPolicySecretPayloads from '../rules/audit-policy-secret-payloads.js';
import encryptionCoversSecrets from '../rules/encryption-covers-secrets.js';
import encryptionIdentityFirst from '../rules/encryption-identity-first.js';
import encryptionPreferKms from '../rules/encryption-prefer-kms.js';
import encryptionWeakKey from '../rules/encryption-weak-key.js';
import kubeconfigCredentials from '../rules/kubeconfig-credentials.js';
import removedApiVersion from '../rules/removed-api-version.js';

export const CONFIG_FILE_RULES: readonly Rule[] = [
  encryptionCoversSecrets,
  encryptionIdentityFirst,
  encryptionPreferKms,
  encryptionWeakKey,
  auditPolicyLevels,
  auditPolicyCatchAll,
  auditPolicySecretPayloads,
  auditPolicyAnonymous,
  kubeconfigCredentials,
  removedApiVersion,
];
