import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs.js';
import { FsconfWorkspace } from './workspace.js';
import { codeActions, fixAll } from './actions.js';
import { FREESWITCH_XML_INLINE_SOFIA } from '../testing/trees.js';

// vanilla's external profile as shipped: no apply-inbound-acl, no log-auth-failures — two findings on
// the same <settings> tag, each with its own fixes
const files = {
  '/conf/freeswitch.xml': FREESWITCH_XML_INLINE_SOFIA,
  '/conf/autoload_configs/acl.conf.xml': `<configuration name="acl.conf">
  <network-lists>
    <list name="everyone" default="allow"/>
    <list name="nobody" default="deny"/>
    <list name="carriers" default="deny"><node type="allow" cidr="203.0.113.0/24"/></list>
  </network-lists>
</configuration>
`,
  '/conf/dialplan/public.xml': '<include><context name="public"/></include>\n',
  '/conf/sip_profiles/external.xml': '<profile name="external">\n  <settings>\n    <param name="context" value="public"/>\n  </settings>\n</profile>\n',
};

describe('code actions for the finding a picker was opened on', () => {
  const ws = new FsconfWorkspace(new MemoryFileSystem(files), '/conf');
  const path = '/conf/sip_profiles/external.xml';
  const diags = ws.diagnostics().get(path)!;
  const inbound = diags.find((f) => f.rule === 'sofia/external-inbound-acl')!;
  const logging = diags.find((f) => f.rule === 'sofia/auth-failures-not-logged')!;

  it('both findings sit on the same range (the picker sees both)', () => {
    expect(inbound.range).toEqual(logging.range);
  });

  it('lists its own fixes first; only they may be preferred; every ACL list says what it admits', () => {
    const actions = codeActions(ws, path, inbound.range, ['quickfix'], [{ range: inbound.range, code: 'sofia/external-inbound-acl' }]);
    // (the "Disable … here" actions are no fixes: they come after every fix)
    const own = actions.filter((a) => a.findings[0]!.rule === 'sofia/external-inbound-acl' && !a.title.startsWith('Disable '));
    expect(actions.slice(0, own.length)).toEqual(own);
    expect(own.map((a) => a.title)).toEqual([
      'Insert apply-inbound-acl="everyone" (allows all of the internet)',
      'Insert apply-inbound-acl="nobody" (denies everything)',
      'Insert apply-inbound-acl="carriers" (admits 203.0.113.0/24)',
    ]);
    expect(own.every((a) => a.fixKind === 'choice')).toBe(true);
    // the neighbour's "Insert log-auth-failures=true" is listed after them and is not preferred
    const other = actions.find((a) => a.title === 'Insert log-auth-failures=true')!;
    expect(actions.indexOf(other)).toBeGreaterThanOrEqual(own.length);
    expect(other.preferred).toBe(false);
    const firstDisable = actions.findIndex((a) => a.title.startsWith('Disable '));
    expect(firstDisable).toBeGreaterThan(actions.indexOf(other));
  });

  it('fix-all applies only the safe fix (log-auth-failures), never an ACL choice', () => {
    const all = fixAll(ws, path)!;
    expect(all.findings.map((f) => f.rule)).toEqual(['sofia/auth-failures-not-logged']);
    expect(all.fixKind).toBe('safe');
  });
});
