import { describe, expect, it } from 'vitest';
import { KEYS, ROOT, setup, tick, uri, type Harness } from '../testing/harness.js';

/** Type into a field one character at a time, each seen on screen before the next (the machine may be slow). */
async function typeField(h: Harness, field: string, text: string) {
  for (let i = 1; i <= text.length; i++) {
    await h.type(text[i - 1]!);
    await h.waitFor((f) => f.split('\n').some((l) => l.startsWith(` ${field.padEnd(8)} ${text.slice(0, i)}`)), `"${text.slice(0, i)}" in ${field}`);
  }
}

async function loaded(h: Harness) {
  await tick(10);
  h.client.publish(uri('dialplan/public.xml'), []);
  h.client.publish(uri('freeswitch.xml'), []);
  h.client.done({ files: 2 });
  h.client.commands['fsconf.treeInfo'] = () => ({ root: ROOT, files: [] });
  await h.waitFor((f) => /Problems \(\d+\)/.test(f) && !f.includes('analysing'), 'analysis');
}

const FILES = {
  'freeswitch.xml': '<document type="freeswitch/xml"/>\n',
  'dialplan/public.xml': [
    '<include>',
    '  <context name="public">',
    '    <extension name="x">',
    '      <condition field="destination_number" expression="^(1000)$">',
    '        <action application="transfer" data="$1 XML default"/>',
    '      </condition>',
    '    </extension>',
    '  </context>',
    '</include>',
    '',
  ].join('\n'),
};

const RESULT = {
  admission: { profile: 'external', from: '203.0.113.7', verdict: 'admitted', authenticated: false, by: 'none', reason: 'no inbound ACL and auth-calls off' },
  context: 'public',
  contexts: ['public', 'default'],
  actions: [],
  outcome: {
    kind: 'bridge',
    endpoint: 'user/1000@example.org',
    external: false,
    reason: 'bridge to a local user',
    where: 'stays on the switch',
    targets: [{ target: 'user/1000@example.org', kind: 'local-user' }],
  },
  trace: [
    { kind: 'context', text: 'hunting in context public for 1000', uri: uri('dialplan/public.xml'), line: 1, depth: 0 },
    { kind: 'action', text: 'transfer(1000 XML default)', uri: uri('dialplan/public.xml'), line: 4, depth: 0 },
    { kind: 'outcome', text: 'bridge' },
  ],
  premises: ['time conditions are evaluated at now'],
};

/** S, then the three fields, then enter: the dialog sends fsconf.route. */
async function simulate(h: ReturnType<typeof setup>, profile: string, from: string, to: string): Promise<void> {
  await h.press('S');
  await h.waitFor((x) => x.includes('Route: simulate a call'));
  await typeField(h, 'profile', profile);
  await h.press(KEYS.tab);
  await typeField(h, 'from', from);
  await h.press(KEYS.tab);
  await typeField(h, 'to', to);
  await h.press(KEYS.enter);
}

describe('Route dialog', () => {
  it('S opens it; the fields go to fsconf.route; the steps show file:line first; enter opens the step in the File view', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    let sent: unknown;
    h.client.commands['fsconf.route'] = (args) => {
      sent = args;
      return RESULT;
    };
    await simulate(h, 'external', '203.0.113.7', '1000');
    const f = await h.waitFor((x) => x.includes('outcome: bridge user/1000@example.org — stays on the switch'));
    expect(sent).toEqual([{ profile: 'external', from: '203.0.113.7', to: '1000' }]);
    expect(f).toMatch(/admitted without authentication: no inbound ACL/);
    expect(f).toMatch(/public\.xml:5\s+transfer\(1000 XML default\)/);
    await h.press('j', 'j');
    await h.press(KEYS.enter);
    await h.waitFor((x) => /public\.xml\s+5\/\d+/.test(x));
    h.unmount();
  });

  it('two files of the trace with the same name (FusionPBX: dialplan/<domain>.xml, directory/<domain>.xml) are told apart by their paths', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    h.client.commands['fsconf.route'] = () => ({
      ...RESULT,
      trace: [
        { kind: 'admission', text: 'authenticated by digest as 1001@pbx.example.com', uri: uri('directory/pbx.example.com.xml'), line: 29 },
        { kind: 'context', text: 'hunting in context pbx.example.com for 1000', uri: uri('dialplan/pbx.example.com.xml'), line: 2, depth: 0 },
        { kind: 'action', text: 'transfer(1000 XML default)', uri: uri('dialplan/public.xml'), line: 4, depth: 0 },
        { kind: 'outcome', text: 'bridge' },
      ],
    });
    await simulate(h, 'internal', '192.0.2.9', '1000');
    const f = await h.waitFor((x) => x.includes('outcome: bridge'));
    expect(f).toMatch(/directory\/pbx\.example\.com\.xml:30\s+authenticated by digest/);
    expect(f).toMatch(/dialplan\/pbx\.example\.com\.xml:3\s+hunting in context/);
    expect(f).toMatch(/ public\.xml:5\s+transfer\(1000 XML default\)/);
    h.unmount();
  });

  it('a bridge to a gateway no profile defines reads as failing, not as staying on the switch', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    h.client.commands['fsconf.route'] = () => ({
      ...RESULT,
      outcome: {
        kind: 'bridge',
        endpoint: 'sofia/gateway/upstrem/44123',
        external: false,
        reason: 'bridge to sofia/gateway/upstrem/44123 (gateway "upstrem", which no sofia profile defines)',
        where: 'fails: no sofia profile defines gateway upstrem (INVALID_GATEWAY)',
        targets: [{ target: 'sofia/gateway/upstrem/44123', kind: 'gateway', name: 'upstrem', missing: true }],
      },
    });
    await simulate(h, 'external', '203.0.113.7', '0044123');
    const f = await h.waitFor((x) => x.includes('outcome: bridge sofia/gateway/upstrem/44123 — fails'));
    expect(f).not.toContain('stays on the switch');
    h.unmount();
  });

  it('a server error is shown in the dialog, not a crash; a missing number is asked for', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    h.client.commands['fsconf.route'] = () => {
      throw new Error('no sip profile "nope" (profiles: external, internal)');
    };
    await h.press('S');
    await typeField(h, 'profile', 'nope');
    await h.press(KEYS.tab);
    await typeField(h, 'from', '203.0.113.7');
    await h.press(KEYS.tab, KEYS.tab, KEYS.enter);
    await h.waitFor((x) => x.includes('give the number dialled'));
    await typeField(h, 'to', '1'); // the dialog put the cursor on the missing field
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('no sip profile "nope" (profiles: external, internal)'));
    await h.press(KEYS.escape);
    await h.waitFor((x) => !x.includes('Route: simulate a call'));
    h.unmount();
  });
});
