import { defineRule } from '../types.js';

/** A cti.json key mod_cti does not read (did-you-mean fix); found by cti.ts, which reads the file once per analysis. */
export const ctiUnknownKey = defineRule({
  meta: { id: 'cti/unknown-key', severity: 'warning', description: 'a cti.json key mod_cti does not read', fixable: true },
  check() {},
  checkFiles: ({ cti }) => cti?.findings.filter((f) => f.rule === 'cti/unknown-key').map((f) => ({ ...f, severity: 'warning' as const })) ?? [],
});
