// Meta-tests: every rule file is registered, named by its id, has a table test and complete metadata.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from './rules/index.js';

const rulesDir = join(__dirname, 'rules');
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.js') && !f.endsWith('.test.js') && f !== 'index.js');

describe('rule registry', () => {
  it('registers every rule file, once, under its file name', () => {
    assert.deepEqual(RULES.map((r) => `${r.meta.id}.js`).sort(), ruleFiles.sort());
  });
  for (const rule of RULES) {
    it(`${rule.meta.id} has a table test and complete metadata`, () => {
      assert.ok(readdirSync(rulesDir).includes(`${rule.meta.id}.test.js`), 'a table test beside the rule');
      const m = rule.meta;
      assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(m.title.length > 0 && m.why.length > 0 && m.remediation.length > 0);
      // Every rule stands on the guidance, except the one about suppressions themselves.
      if (m.category === 'Suppressions' || m.category === 'Templates') assert.equal(m.guidance.length, 0);
      else assert.ok(m.guidance.length >= 1 && m.guidance.length <= 3, 'one to three guidance references');
      for (const g of m.guidance) assert.ok(g.quote.length > 0 && g.quote.length <= 400 && g.page >= 1 && g.section.length > 0);
      assert.ok(m.peers.length >= 0);
    });
  }
});
