/**
 * The editing views on ink-testing-library with a fake server: what they show for a structure, and that
 * every change is the server's planned edit, shown as a diff and written only on `y`.
 */
import { describe, expect, it } from 'vitest';
import { KEYS, diag, loadedTree, setup, uri } from '../testing/harness.js';
import type { Structure, StructuralEdit, StructuralEditResult } from '../lsp/structure.js';

const DP = `<include>
  <context name="default">
    <extension name="first">
      <condition field="destination_number" expression="^(\\d{4})$">
        <action application="read" data="1 4 ivr/pin.wav pin 5000 #"/>
        <action application="transfer" data="$1 XML default"/>
      </condition>
    </extension>
    <extension name="second">
      <condition field="destination_number" expression="^2$"/>
    </extension>
  </context>
</include>
`;
const at = (line: number, character: number) => ({ uri: uri('dialplan/default.xml'), line, character });
const loc = (line: number, character: number, endLine: number) => ({
  uri: uri('dialplan/default.xml'),
  range: { start: { line, character }, end: { line: endLine, character: 0 } },
  at: at(line, character),
});
const STRUCTURE: Structure = {
  root: '/conf',
  profiles: [],
  domains: [],
  aclLists: [],
  variables: [],
  contexts: [
    {
      ...loc(1, 2, 11),
      name: 'default',
      extensions: [
        {
          ...loc(2, 4, 7),
          name: 'first',
          conditions: [
            {
              ...loc(3, 6, 6),
              field: 'destination_number',
              expression: '^(\\d{4})$',
              attrs: { field: 'destination_number', expression: '^(\\d{4})$' },
              meaning: 'destination_number ~ ^(\\d{4})$',
              actions: [
                {
                  ...loc(4, 8, 4),
                  kind: 'action',
                  application: 'read',
                  data: '1 4 ivr/pin.wav pin 5000 #',
                  meaning: 'read min=1 max=4 file=ivr/pin.wav var=pin timeout=5000 terminators=#',
                },
                {
                  ...loc(5, 8, 5),
                  kind: 'action',
                  application: 'transfer',
                  data: '$1 XML default',
                  meaning: 'transfer to $1 in context default  [$1 = (\\d{4})]',
                },
              ],
              antiActions: [],
              conditions: [],
            },
          ],
        },
        { ...loc(8, 4, 10), name: 'second', conditions: [] },
      ],
    },
  ],
};

function start(readonly = false) {
  const h = setup({ files: { 'freeswitch.xml': '<document/>\n', 'dialplan/default.xml': DP }, readonly });
  const planned: StructuralEdit[] = [];
  const applied: unknown[] = [];
  h.client.commands['fsconf.structure'] = () => STRUCTURE;
  h.client.commands['fsconf.templates'] = () => [];
  h.client.commands['fsconf.vocabulary'] = () => ({
    applications: [{ name: 'transfer', syntax: '<exten> [<dialplan> <context>]', doc: 'go to another extension' }],
    fields: ['destination_number'],
    codecs: ['PCMU'],
  });
  h.client.commands['fsconf.structuralEdit'] = (args) => {
    const edit = (args as [{ edit: StructuralEdit }])[0].edit;
    planned.push(edit);
    // the server's answer: move "second" above "first"
    const r: StructuralEditResult = {
      edit: {
        changes: {
          [uri('dialplan/default.xml')]: [
            {
              range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
              newText: '    <extension name="second">\n      <condition field="destination_number" expression="^2$"/>\n    </extension>\n',
            },
            { range: { start: { line: 8, character: 0 }, end: { line: 11, character: 0 } }, newText: '' },
          ],
        },
      },
      summary: 'move <extension name="second"> above <extension name="first">',
      created: [],
      reload: ['reloadxml'],
    };
    return r;
  };
  h.client.commands['fsconf.applyEdit'] = (args) => {
    applied.push(args);
    return { applied: true, files: [{ uri: uri('dialplan/default.xml'), backup: uri('dialplan/default.xml.bak') }] };
  };
  return { h, planned, applied };
}

describe('Dialplan view', () => {
  it('shows contexts and extensions in hunt order, each action with its meaning', async () => {
    const { h } = start();
    await loadedTree(h);
    await h.press(KEYS.tab, KEYS.tab, KEYS.tab);
    let f = await h.waitFor((x) => x.includes('context default (2 extensions)'));
    expect(f).toMatch(/1\. first\s+dialplan\/default\.xml:3/);
    expect(f).toMatch(/2\. second\s+dialplan\/default\.xml:9/);
    await h.press('j', KEYS.enter);
    f = await h.waitFor((x) => x.includes('if destination_number'));
    expect(f).toContain('→ read min=1 max=4 file=ivr/pin.wav var=pin timeout=5000 terminators=#');
    expect(f).toContain('→ transfer to $1 in context default  [$1 = (\\d{4})]');
    h.unmount();
  });

  it('J/K move in hunt order: the place is shown, the diff follows, y writes through fsconf.applyEdit', async () => {
    const { h, planned, applied } = start();
    await loadedTree(h);
    await h.press(KEYS.tab, KEYS.tab, KEYS.tab);
    await h.waitFor((x) => x.includes('2. second'));
    await h.press('j', 'j', 'K');
    let f = await h.waitFor((x) => x.includes('moving second to 1 of 2: above first'));
    expect(f).toContain('hunt order matters');
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes('Apply this change?'));
    expect(planned).toEqual([{ op: 'move', target: at(8, 4), before: at(2, 4) }]);
    expect(f).toContain('Hunt order matters');
    expect(f).toMatch(/\+\s+<extension name="second">/);
    expect(applied).toEqual([]);
    await h.press('y');
    f = await h.waitFor((x) => x.includes('wrote dialplan/default.xml (.bak kept)'));
    expect(applied).toHaveLength(1);
    h.unmount();
  });

  it('n cancels the diff: nothing is written', async () => {
    const { h, applied } = start();
    await loadedTree(h);
    await h.press(KEYS.tab, KEYS.tab, KEYS.tab);
    await h.waitFor((x) => x.includes('2. second'));
    await h.press('j', 'j', 'd');
    await h.waitFor((x) => x.includes('Apply this change?'));
    await h.press('n');
    await h.waitFor((x) => !x.includes('Apply this change?'));
    expect(applied).toEqual([]);
    h.unmount();
  });
});

describe('counts and severities in the editing views', () => {
  it('"1 extension", "1 param · 1 gateway", "1 user"; a param with an error and a warning shows ✖ and the error', async () => {
    const P = uri('sip_profiles/phones.xml');
    const ploc = (line: number) => ({ uri: P, range: { start: { line, character: 2 }, end: { line, character: 40 } }, at: { uri: P, line, character: 2 } });
    const structure: Structure = {
      ...STRUCTURE,
      contexts: [{ ...STRUCTURE.contexts[0]!, extensions: [STRUCTURE.contexts[0]!.extensions[0]!] }],
      profiles: [
        {
          ...ploc(0),
          name: 'phones',
          params: [{ ...ploc(2), name: 'apply-inbound-acl', value: 'providers', expanded: 'providers' }],
          gateways: [{ ...ploc(5), name: 'voipco', params: [{ ...ploc(6), name: 'proxy', value: 'sip.voipco.example', expanded: 'sip.voipco.example' }] }],
          domains: [],
        },
      ],
      domains: [{ ...ploc(0), name: 'example.com', params: [], variables: [], groups: ['default'], users: [] }],
    };
    const h = setup({ files: { 'freeswitch.xml': '<document/>\n', 'dialplan/default.xml': DP } });
    h.client.commands['fsconf.structure'] = () => structure;
    await loadedTree(h);
    h.client.publish(P, [diag(2, 4, 10, 2, 'x/warn', 'a warning first'), diag(2, 4, 10, 1, 'acl/unknown-list', 'names "providers", which is no network list')]);
    await h.press(KEYS.tab, KEYS.tab, KEYS.tab);
    await h.waitFor((x) => x.includes('context default (1 extension)'));
    await h.press(KEYS.tab);
    const f = await h.waitFor((x) => x.includes('profile phones · 1 param · 1 gateway'));
    expect(f).toContain('gateway voipco (1 param)');
    expect(f).toMatch(/apply-inbound-acl\s+providers\s+✖ names "providers"/);
    await h.press(KEYS.tab);
    await h.waitFor((x) => x.includes('domain example.com · 0 users · groups: default'));
    h.unmount();
  });
});

describe('Profiles view: a gateway’s params', () => {
  const P = uri('sip_profiles/phones.xml');
  const ploc = (line: number) => ({ uri: P, range: { start: { line, character: 4 }, end: { line, character: 50 } }, at: { uri: P, line, character: 4 } });
  const gateway = {
    ...ploc(5),
    name: 'voipco',
    params: [
      { ...ploc(6), name: 'proxy', value: 'sip.voipco.example', expanded: 'sip.voipco.example' },
      { ...ploc(7), name: 'password', value: 's***', expanded: 's***', secret: true as const },
    ],
  };
  const structure: Structure = {
    ...STRUCTURE,
    profiles: [{ ...ploc(0), name: 'phones', params: [{ ...ploc(2), name: 'sip-port', value: '5060', expanded: '5060' }], gateways: [gateway], domains: [] }],
  };

  it('enter opens a gateway: its params, findings and explanation; e edits one as a setParam on the gateway, secrets start empty', async () => {
    const PHONES = [
      '<profile name="phones">',
      '  <settings>',
      '    <param name="sip-port" value="5060"/>',
      '  </settings>',
      '  <gateways>',
      '    <gateway name="voipco">',
      '      <param name="proxy" value="sip.voipco.example"/>',
      '      <param name="password" value="secret-one"/>',
      '    </gateway>',
      '  </gateways>',
      '</profile>',
      '',
    ].join('\n');
    const h = setup({ files: { 'freeswitch.xml': '<document/>\n', 'dialplan/default.xml': DP, 'sip_profiles/phones.xml': PHONES } });
    h.client.commands['fsconf.structure'] = () => structure;
    h.client.commands['fsconf.templates'] = () => [];
    h.client.commands['fsconf.vocabulary'] = () => ({
      applications: [],
      fields: [],
      codecs: [],
      profileParams: [{ name: 'sip-port', type: 'port', default: '5060' }],
      gatewayParams: [{ name: 'proxy', type: 'string' }],
    });
    const planned: StructuralEdit[] = [];
    h.client.commands['fsconf.structuralEdit'] = (args) => {
      planned.push((args as [{ edit: StructuralEdit }])[0].edit);
      return { edit: { changes: { [P]: [] } }, summary: 'set param proxy on <gateway name="voipco">', created: [], reload: [] } satisfies StructuralEditResult;
    };
    await loadedTree(h);
    h.client.publish(P, [diag(6, 4, 20, 2, 'sofia/gateway-proxy', 'a proxy warning')]);
    await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab);
    let f = await h.waitFor((x) => x.includes('gateway voipco (2 params)'));
    expect(f).not.toContain('sip.voipco.example');
    await h.press('j', 'j'); // profile → sip-port → gateway
    f = await h.waitFor((x) => x.includes('gateway voipco · enter shows its params'));
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => /proxy\s+sip\.voipco\.example\s+⚠ a proxy warning/.test(x));
    expect(f).toMatch(/password\s+s\*\*\*/);
    expect(f).toContain('▾ gateway voipco');
    await h.press('j');
    await h.waitFor((x) => x.includes('proxy · string · default (none)')); // the gateway's words, not the profile's
    await h.press('e');
    await h.waitFor((x) => x.includes('gateway voipco: proxy'));
    await h.type('x');
    await h.press(KEYS.enter); // review the diff: the server plans the change
    await h.waitFor(() => planned.some((e) => e.op === 'setParam'));
    expect(planned.find((e) => e.op === 'setParam')).toMatchObject({ op: 'setParam', target: gateway.at, name: 'proxy', value: 'sip.voipco.examplex' });
    await h.press(KEYS.escape);
    await h.waitFor((x) => x.includes('▾ gateway voipco'));
    await h.press('j', 'e'); // the password: its secret is never put in the field
    const pane = await h.waitFor((x) => x.includes('gateway voipco: password'));
    expect(pane).not.toContain('secret-one');
    expect(pane).not.toContain('s***');
    h.unmount();
  });
});
