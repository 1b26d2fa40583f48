import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../text.js';
import { insertParamFix, setValueFixes } from '../params.js';

const LEGACY = ['sslv2', 'sslv3', 'tlsv1', 'tlsv1.1'];

/** TLS with protocol versions that are broken or deprecated. */
export const legacyTls = defineRule({
  meta: {
    id: 'sofia/legacy-tls',
    severity: 'warning',
    description: 'TLS is on and tls-version allows SSLv2/SSLv3/TLSv1/TLSv1.1',
    fixable: true,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      const tls = findParam(profile.settings, 'tls');
      if (!tls || tls.value.value === undefined || !switchTrue(tls.value.value)) continue;
      const ver = findParam(profile.settings, 'tls-version');
      if (!ver) {
        const fix = profile.settingsNode
          ? insertParamFix(
              profile.settingsNode,
              profile.settings,
              'tls-version',
              'tlsv1.2,tlsv1.3',
              'Insert tls-version=tlsv1.2,tlsv1.3 (TLS 1.0/1.1 clients can no longer connect)',
              'choice',
              true,
            )
          : undefined;
        ctx.report({
          doc: tls.node.doc,
          start: tls.valueAttr!.valueStart,
          end: tls.valueAttr!.valueEnd,
          message: `TLS is on for profile ${profile.name} without tls-version: FreeSWITCH then enables TLSv1 and TLSv1.1 as well as 1.2 and 1.3`,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      if (ver.value.value === undefined) continue;
      const versions = ver.value.value
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean);
      const bad = versions.filter((v) => LEGACY.includes(v));
      if (!bad.length) continue;
      const keep = versions.filter((v) => !LEGACY.includes(v));
      ctx.report({
        doc: ver.node.doc,
        start: ver.valueAttr!.valueStart,
        end: ver.valueAttr!.valueEnd,
        message: `tls-version allows ${bad.join(', ')} on profile ${profile.name}: these protocol versions are broken or deprecated`,
        fixes: setValueFixes(ver, (keep.length ? keep : ['tlsv1.2', 'tlsv1.3']).join(','), 'TLS 1.2+ only', 'choice'),
      });
    }
  },
});
