// Rules of the catalogue's section 6 (EncryptionConfiguration, audit Policy, kubeconfig files) and section 7
// (upgrading), in catalogue order.
import type { Rule } from '../rule.js';

export const CONFIG_FILE_RULES: readonly Rule[] = [];
