// What the product says about itself where people and VS Code read it: the untrusted-workspace declaration in
// package.json, and the README's "Robustness and security" section (the security test's findings, in words).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from './support.js';

describe('what the extension declares and the README says', () => {
  it('package.json declares untrusted workspaces supported, with a description', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown } } };
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
    assert.ok(typeof pkg.capabilities?.untrustedWorkspaces?.description === 'string' && pkg.capabilities.untrustedWorkspaces.description.length > 0);
  });

  it('the README says it executes nothing from the workspace and reaches no network', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Robustness and security\n');
    assert.ok(start >= 0, 'README.md has a "Robustness and security" section');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    for (const claim of [/executes nothing from the workspace/, /no `eval`/, /no child processes/, /no network access/, /untrustedWorkspaces/, /maxFileSize/]) {
      assert.match(section, claim);
    }
  });
});
