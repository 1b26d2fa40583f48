import { describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver-types';
import { MemoryFileSystem } from '../fs.js';
import { FsconfWorkspace } from './workspace.js';
import { hoverText, positionIn } from '../testing/positions.js';
import { definition, references } from './features.js';
import { documentSymbols } from './navigation.js';
import { FREESWITCH_XML_INLINE_SOFIA } from '../testing/trees.js';

const files: Record<string, string> = {
  '/conf/freeswitch.xml': FREESWITCH_XML_INLINE_SOFIA,
  '/conf/vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="provider=carrier1"/>
</include>
`,
  '/conf/sip_profiles/external.xml': `<profile name="external">
  <gateways>
    <gateway name="carrier1">
      <param name="proxy" value="sip.example.net"/>
    </gateway>
  </gateways>
  <settings>
    <param name="context" value="public"/>
  </settings>
</profile>
`,
  '/conf/directory/default.xml': `<include>
  <domain name="example.com">
    <user id="1000">
      <variables>
        <variable name="user_context" value="default"/>
      </variables>
    </user>
  </domain>
</include>
`,
  '/conf/dialplan/public.xml': `<include>
  <context name="public">
    <extension name="inbound">
      <condition field="destination_number" expression="^(\\d{4})$">
        <action application="transfer" data="$1 XML default"/>
      </condition>
    </extension>
  </context>
</include>
`,
  '/conf/dialplan/default.xml': `<include>
  <context name="default">
    <extension name="local">
      <condition field="destination_number" expression="^(1)(\\d{3})$">
        <action application="bridge" data="user/$1\${2}@example.com"/>
        <action application="bridge" data="sofia/gateway/carrier1/$2"/>
        <action application="execute_extension" data="is_secure XML public"/>
        <anti-action application="log" data="INFO $1"/>
      </condition>
    </extension>
    <extension name="cdata">
      <condition field="caller_id_number">
        <expression><![CDATA[^(\\+?)(\\d+)$]]></expression>
        <action application="log" data="INFO $2 $3"/>
      </condition>
    </extension>
    <extension name="plain">
      <condition field="destination_number" expression="^9999$">
        <action application="log" data="INFO $1"/>
      </condition>
    </extension>
  </context>
</include>
`,
};

function ws(): FsconfWorkspace {
  return new FsconfWorkspace(new MemoryFileSystem(files), '/conf');
}

/** Position of the n-th occurrence of `needle` (plus `delta` characters) in a file. */
function at(path: string, needle: string, delta = 0, nth = 0): Position {
  return positionIn(files[path]!, needle, delta, nth);
}

describe('dialplan provider', () => {
  const DP = '/conf/dialplan/default.xml';

  it('goes from a transfer target to the <context>, and from sofia/gateway/x to the <gateway>', () => {
    const w = ws();
    const ctx = definition(w, '/conf/dialplan/public.xml', at('/conf/dialplan/public.xml', 'XML default', 5));
    expect(ctx).toHaveLength(1);
    expect(ctx[0]!.uri).toBe('file:///conf/dialplan/default.xml');
    expect(ctx[0]!.range.start).toEqual(at(DP, 'default"', 0));
    const pub = definition(w, DP, at(DP, 'XML public', 6));
    expect(pub[0]!.uri).toBe('file:///conf/dialplan/public.xml');
    const gw = definition(w, DP, at(DP, 'carrier1/', 3));
    expect(gw).toHaveLength(1);
    expect(gw[0]!.uri).toBe('file:///conf/sip_profiles/external.xml');
    expect(gw[0]!.range.start).toEqual(at('/conf/sip_profiles/external.xml', 'carrier1'));
    // the profile's context param leads to the context too
    const fromParam = definition(w, '/conf/sip_profiles/external.xml', at('/conf/sip_profiles/external.xml', 'value="public"', 8));
    expect(fromParam[0]!.uri).toBe('file:///conf/dialplan/public.xml');
  });

  it('lists the references of a context: targets, profile context params, user_context', () => {
    const w = ws();
    const refs = references(w, '/conf/dialplan/public.xml', at('/conf/dialplan/public.xml', 'name="public"', 7));
    const where = refs.map((r) => `${r.uri.replace('file:///conf/', '')}:${r.range.start.line + 1}`).sort();
    expect(where).toEqual(['dialplan/default.xml:7', 'dialplan/public.xml:2', 'sip_profiles/external.xml:8']);
    const refs2 = references(w, '/conf/dialplan/public.xml', at('/conf/dialplan/public.xml', 'XML default', 5));
    expect(refs2.map((r) => `${r.uri.replace('file:///conf/', '')}:${r.range.start.line + 1}`).sort()).toEqual([
      'dialplan/default.xml:2',
      'dialplan/public.xml:5',
      'directory/default.xml:5',
    ]);
  });

  it('hovers a capture reference with the group it captures', () => {
    const w = ws();
    expect(hoverText(w, DP, at(DP, '$1${2}', 1))).toContain('capture group 1 of `^(1)(\\d{3})$` (field `destination_number`): `(1)`');
    expect(hoverText(w, DP, at(DP, '${2}@', 2))).toContain('`(\\d{3})`');
    expect(hoverText(w, DP, at(DP, 'INFO $1"/>\n      </condition>\n    </extension>\n    <extension name="cdata">', 6))).toContain(
      'anti-actions get no regex captures',
    );
    expect(hoverText(w, DP, at(DP, 'INFO $2 $3', 6))).toContain('capture group 2 of `^(\\+?)(\\d+)$`');
    expect(hoverText(w, DP, at(DP, 'INFO $2 $3', 9))).toContain('becomes an empty string');
    expect(hoverText(w, DP, at(DP, 'INFO $1"/>\n      </condition>\n    </extension>\n  </context>', 6))).toContain("has no '('");
    // the application name is still the knowledge base's hover
    expect(hoverText(w, DP, at(DP, 'application="bridge"', 14))).toContain('bridge');
  });

  it('document symbols show the first condition as the extension detail (attribute or <expression>)', () => {
    const syms = documentSymbols(ws(), DP);
    const ctx = syms.find((s) => s.name === 'default')!;
    const detail = Object.fromEntries((ctx.children ?? []).map((c) => [c.name, c.detail]));
    expect(detail['local']).toBe('destination_number ~ ^(1)(\\d{3})$');
    expect(detail['cdata']).toBe('caller_id_number ~ ^(\\+?)(\\d+)$');
  });
});
