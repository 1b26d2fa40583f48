#!/usr/bin/env node
/**
 * Give every rule row of RULES.md an explicit anchor (`<a id="sofiaexternal-inbound-acl"></a>`), the
 * fragment editors link to from a diagnostic (ruleAnchor in src/rules/types.ts): table rows get no
 * anchors of their own. Idempotent — run it after adding rows:  node packages/core/scripts/rules-anchors.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../../RULES.md', import.meta.url));
const text = readFileSync(file, 'utf8');
const out = text.replace(
  /^\| (?:<a id="[^"]*"><\/a>)?([a-z0-9_-]+\/[a-z0-9_./-]+) \|/gm,
  (_, id) => `| <a id="${id.replace(/\//g, '').toLowerCase()}"></a>${id} |`,
);
if (out !== text) writeFileSync(file, out);
