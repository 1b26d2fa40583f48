import { defineRule } from '../types.js';

/** mod_cti refuses cti.json it cannot parse (or read); the checks live in cti.ts, which reads the file once per analysis. */
export const ctiInvalid = defineRule({
  meta: { id: 'cti/invalid', severity: 'error', description: "mod_cti's cti.json is invalid", fixable: false, security: true },
  check() {},
  checkFiles: ({ cti }) => cti?.findings.filter((f) => f.rule === 'cti/invalid').map((f) => ({ ...f, severity: 'error' as const })) ?? [],
});
