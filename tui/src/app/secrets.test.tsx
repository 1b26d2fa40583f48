/**
 * Secrets are masked in the File view, the diff preview of a fix and the in-place editor; `v` reveals
 * them in the File view only. The FakeClient plays the server's `fsconf.secretRanges`.
 */
import { describe, expect, it } from 'vitest';
import type { Range } from '../lsp/types.js';
import { KEYS, ROOT, diag, setup, tick, uri, type Harness } from '../testing/harness.js';

const USERS = `<include>
  <user id="1000">
    <params>
      <param name="password" value="hunter22"/>
      <param name="vm-password" value="vmPIN4711x"/>
      <param name="user_context" value="default"/>
    </params>
  </user>
</include>
`;
const FILES = { 'directory/default.xml': USERS, 'freeswitch.xml': '<document/>\n' };
const SECRETS = ['hunter22', 'vmPIN4711x'];

/** The server's answer: the values of password-like params of the text it is given. */
function fakeSecretRanges(args: unknown[]): Range[] {
  const { text } = args[0] as { uri: string; text: string };
  const out: Range[] = [];
  text.split('\n').forEach((l, line) => {
    for (const m of l.matchAll(/name="(?:password|vm-password)" value="([^"]*)"/g)) {
      const s = m.index + m[0].length - 1 - m[1]!.length;
      if (m[1]) out.push({ start: { line, character: s }, end: { line, character: s + m[1].length } });
    }
  });
  return out;
}

async function loaded(h: Harness, opts: { server?: boolean } = {}) {
  await tick(10);
  if (opts.server !== false) h.client.commands['fsconf.secretRanges'] = fakeSecretRanges;
  h.client.commands['fsconf.treeInfo'] = () => ({ root: ROOT, files: [] });
  h.client.publish(uri('directory/default.xml'), [diag(3, 36, 44, 1, 'directory/password-too-simple', 'sip_auth user:1000 password is too simple: "h***"')]);
  h.client.publish(uri('freeswitch.xml'), []);
  h.client.done({ files: 2, errors: 1 });
  await h.waitFor((f) => f.includes('1 error') && !f.includes('analysing'), 'analysis');
}

async function openUsers(h: Harness) {
  await h.press('j', KEYS.enter);
  return h.waitFor((f) => /default\.xml\s+4\/\d+/.test(f) && f.includes('vm-password'), 'the File view');
}

function noSecret(frame: string) {
  for (const s of SECRETS) expect(frame, `the screen shows ${s}`).not.toContain(s);
}

function fits(frame: string) {
  const l = frame.split('\n');
  expect(l.length).toBe(24);
  for (const x of l) expect(x.length).toBeLessThanOrEqual(80);
}

describe('secrets in the File view', () => {
  it('are masked (first character, same length), asked for with the text shown; v reveals and masks again', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    let f = await openUsers(h);
    noSecret(f);
    expect(f).toContain('<param name="password" value="h*******"/>');
    expect(f).toContain('<param name="vm-password" value="v*********"/>');
    expect(f).toContain('<param name="user_context" value="default"/>');
    fits(f);
    const req = h.client.sent.find((m) => m.method === 'workspace/executeCommand' && (m.params as { command: string }).command === 'fsconf.secretRanges')!;
    expect((req.params as { arguments: unknown[] }).arguments).toEqual([{ uri: uri('directory/default.xml'), text: USERS }]);
    // the key hint fits 80 columns with v
    expect(f.split('\n')[23]).toMatch(/v reveal/);

    await h.press('v');
    f = await h.waitFor((x) => x.includes('hunter22'), 'the secrets revealed');
    expect(f).toContain('vmPIN4711x');
    expect(f).toContain('secrets shown (v masks)');
    expect(f.split('\n')[23]).toMatch(/v mask/);
    fits(f);

    await h.press('v');
    f = await h.waitFor((x) => !x.includes('hunter22'), 'the secrets masked again');
    noSecret(f);
    expect(f).toContain('value="h*******"');
    h.unmount();
  });

  it('v works read-only too, and is off again for the next file', async () => {
    const h = setup({ files: FILES, readonly: true });
    await loaded(h);
    await openUsers(h);
    await h.press('v');
    await h.waitFor((x) => x.includes('hunter22'), 'revealed read-only');
    // the same file again: still revealed
    await h.press(KEYS.escape);
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('hunter22') && x.includes('secrets shown'), 'still revealed for the same file');
    // another file (from the Files view), then back: masked again
    await h.press(KEYS.escape, KEYS.tab, '/');
    await h.type('free');
    await h.press(KEYS.enter, KEYS.enter);
    await h.waitFor((x) => /freeswitch\.xml\s+1\/\d+/.test(x) && x.includes('<document/>'), 'freeswitch.xml');
    await h.press(KEYS.escape, KEYS.escape, KEYS.shiftTab);
    await h.waitFor((x) => /Problems \(1\)/.test(x) && x.includes('password is too simple'), 'Problems');
    await h.press(KEYS.enter);
    const f = await h.waitFor((x) => /default\.xml\s+4\/\d+/.test(x) && x.includes('vm-password'), 'the File view');
    noSecret(f);
    expect(f).not.toContain('secrets shown');
    h.unmount();
  });

  it('a server that does not answer fsconf.secretRanges: the text is shown unmasked, no crash, no error', async () => {
    const h = setup({ files: FILES });
    await loaded(h, { server: false });
    const f = await openUsers(h);
    expect(f).toContain('value="hunter22"');
    // nothing in the status line: no error about the missing command
    expect(f.split('\n')[22]!.trim()).toBe('');
    h.unmount();
  });

  it('a slow answer: the text waits for it (loading…), the secret never flashes on screen', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    h.client.commands['fsconf.secretRanges'] = (args) => new Promise((r) => setTimeout(() => r(fakeSecretRanges(args)), 300));
    await h.press('j', KEYS.enter);
    const frames: string[] = [];
    const end = Date.now() + 600;
    while (Date.now() < end) {
      frames.push(h.frame());
      await tick(10);
    }
    expect(frames.some((f) => f.includes('loading…'))).toBe(true);
    for (const f of frames) noSecret(f);
    expect(frames.at(-1)).toContain('value="h*******"');
    h.unmount();
  });

  it('a malformed answer masks nothing and does not crash', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    h.client.commands['fsconf.secretRanges'] = () => ({ not: 'ranges' });
    const f = await openUsers(h);
    expect(f).toContain('value="hunter22"');
    h.unmount();
  });
});

describe('secrets in fixes and edits', () => {
  const GENERATED = 'N3wGen-Pw_x9!';
  const fix = {
    title: 'Replace with a generated strong password',
    kind: 'quickfix',
    isPreferred: true,
    edit: {
      changes: { [uri('directory/default.xml')]: [{ range: { start: { line: 3, character: 36 }, end: { line: 3, character: 44 } }, newText: GENERATED }] },
    },
  };

  it('the diff preview masks the old and the new (generated) password', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    h.client.actions = () => [fix];
    await h.press('j', 'f');
    await h.waitFor((x) => x.includes('1. Replace with a generated strong password'), 'the fixes');
    await h.press(KEYS.enter);
    const f = await h.waitFor((x) => x.includes('Apply this change?'), 'the diff');
    noSecret(f);
    expect(f).not.toContain(GENERATED);
    expect(f).toMatch(/4 - +<param name="password" value="h\*{7}"\/>/);
    expect(f).toMatch(/4 \+ +<param name="password" value="N\*{12}"\/>/);
    // the context lines are masked too
    expect(f).toContain('value="v*********"');
    fits(f);
    // both texts were asked about
    const texts = h.client.sent
      .filter((m) => (m.params as { command?: string }).command === 'fsconf.secretRanges')
      .map((m) => (m.params as { arguments: { text: string }[] }).arguments[0]!.text);
    expect(texts.some((t) => t.includes(GENERATED))).toBe(true);
    await h.press('n');
    h.unmount();
  });

  it('the in-place editor shows the original value masked, and what is typed masked too', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    await openUsers(h);
    await h.press('e');
    let f = await h.waitFor((x) => x.includes('edit password'), 'the edit pane');
    noSecret(f);
    expect(f).toContain('password = h*******');
    expect(f).toContain('secret, masked');
    expect(f).toContain('value="h*******"'); // the File view line above
    await h.type('Z9');
    f = await h.waitFor((x) => x.includes('password = h*********'), 'typed');
    expect(f).not.toContain('hunter22Z9');
    expect(f).toContain('value="h*********"');
    // the server is still told the real text
    const change = h.client.sent.filter((m) => m.method === 'textDocument/didChange').at(-1)!.params as { text: string };
    expect(change.text).toContain('value="hunter22Z9"');
    await h.press(KEYS.escape);
    h.unmount();
  });

  it('an empty secret value: what is typed into it is masked', async () => {
    const h = setup({ files: { ...FILES, 'directory/default.xml': USERS.replace('hunter22', '') } });
    await loaded(h);
    await openUsers(h);
    await h.press('e');
    await h.waitFor((x) => x.includes('edit password'), 'the edit pane');
    await h.type('s3cretPw');
    const f = await h.waitFor((x) => x.includes('password = s*******'), 'typed, masked');
    expect(f).not.toContain('s3cretPw');
    await h.press(KEYS.escape);
    h.unmount();
  });

  it('a value that is not secret is edited in clear', async () => {
    const h = setup({ files: FILES });
    await loaded(h);
    await openUsers(h);
    await h.press('j', 'j', 'e');
    const f = await h.waitFor((x) => x.includes('edit user_context'), 'the edit pane');
    expect(f).toContain('user_context = default');
    expect(f).not.toContain('secret, masked');
    await h.press(KEYS.escape);
    h.unmount();
  });
});
