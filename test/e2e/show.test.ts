/**
 * `fsconf show`: the assembled configuration through the real CLI process — vanilla's sofia.conf with
 * every profile spliced in and `$${}` expanded, secrets masked, origins, JSON that fast-xml-parser reads
 * back to the same XML, and clear usage errors.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { CORPUS, fsconf } from '../helpers.js';

const VANILLA = path.join(CORPUS, 'vanilla');
/** What FreeSWITCH sets itself, or vanilla computes with stun-set: only the switch knows these. */
const HOST_ONLY = new Set(['local_ip_v4', 'local_ip_v6', 'recordings_dir', 'external_rtp_ip', 'external_sip_ip']);

/** The ordered form without whitespace-only text nodes (indentation), text trimmed. */
function layoutless(nodes: unknown): unknown {
  if (!Array.isArray(nodes)) return nodes;
  return nodes
    .filter((n) => !(n && typeof n === 'object' && '#text' in n && String((n as { '#text': unknown })['#text']).trim() === ''))
    .map((n) => {
      const o = n as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) out[k] = k === '#text' ? String(v).trim() : k === ':@' ? v : layoutless(v);
      return out;
    });
}

describe('fsconf show', () => {
  it("vanilla's sofia.conf holds every profile, with the tree's $${} variables expanded", () => {
    const r = fsconf(['show', VANILLA, '--section', 'configuration', '--name', 'sofia.conf']);
    expect(r.code, r.stderr).toBe(0);
    const profiles = readdirSync(path.join(VANILLA, 'sip_profiles'))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => f.replace(/\.xml$/, ''));
    expect(profiles.length).toBe(4);
    for (const p of profiles) expect(r.stdout).toContain(`<profile name="${p}">`);
    expect(r.stdout.startsWith('<?xml version="1.0"?>\n<configuration name="sofia.conf"')).toBe(true);
    // no directive survives; vars.xml's values are in place (internal_sip_port=5060, external_sip_port=5080)
    expect(r.stdout).not.toContain('X-PRE-PROCESS');
    expect(r.stdout).toMatch(/<profile name="internal">[\s\S]*?<param name="sip-port" value="5060"\/>/);
    expect(r.stdout).toMatch(/<profile name="external">[\s\S]*?<param name="sip-port" value="5080"\/>/);
    // $${domain} is set to $${local_ip_v4}: expanded down to the address only the switch knows
    expect(r.stdout).toContain('<param name="force-register-domain" value="$${local_ip_v4}"/>');
    const left = new Set([...r.stdout.matchAll(/\$\$\{([^}]*)\}/g)].map((m) => m[1]!));
    expect([...left].filter((n) => !HOST_ONLY.has(n))).toEqual([]);
  });

  it('--origins says where each element was written', () => {
    const r = fsconf(['show', VANILLA, '--section', 'configuration', '--name', 'sofia', '--origins']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('<profile name="internal">'));
    expect(lines[at - 1]!.trim()).toBe('<!-- sip_profiles/internal.xml:1 -->');
    const src = readFileSync(path.join(VANILLA, 'sip_profiles/internal.xml'), 'utf8').split('\n');
    const port = lines.findIndex((l, i) => i > at && l.includes('name="sip-port"'));
    const m = /<!-- sip_profiles\/internal\.xml:(\d+) -->/.exec(lines[port - 1]!);
    expect(src[Number(m![1]) - 1]).toContain('name="sip-port"');
  });

  it('--origins in JSON: an @_fsconf-origin attribute on every element', () => {
    const r = fsconf(['show', VANILLA, '--section', 'configuration', '--name', 'sofia', '--format', 'json', '--origins']);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout;
    expect(text).toMatch(/"@_name": "internal",\s*"@_fsconf-origin": "sip_profiles\/internal\.xml:1"/);
    const elements = (text.match(/":@": \{/g) ?? []).length;
    const origins = (text.match(/"@_fsconf-origin"/g) ?? []).length;
    expect(origins).toBe(elements);
  });

  it('masks secrets unless --reveal', () => {
    const masked = fsconf(['show', VANILLA, '--section', 'directory']);
    expect(masked.code, masked.stderr).toBe(0);
    expect(masked.stdout).toContain('<param name="password" value="1***"/>');
    expect(masked.stdout).not.toMatch(/name="(vm-)?password" value="1234"/);
    const shown = fsconf(['show', VANILLA, '--section', 'directory', '--reveal']);
    expect(shown.stdout).toContain('<param name="password" value="1234"/>');
  });

  it("--format json is fast-xml-parser's ordered form: built to XML and parsed back, it is the same", () => {
    const r = fsconf(['show', VANILLA, '--section', 'dialplan', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as unknown[];
    // trimValues would trim attribute values too (a trailing space in a log line is data): keep them, and
    // drop only the layout whitespace between elements
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false });
    const xml = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, format: true }).build(json) as string;
    const back = layoutless(parser.parse(xml));
    expect(back).toEqual(layoutless(json));
    expect(JSON.stringify(back)).toContain('"@_application":"bridge"');
    // and it is the same configuration the XML output shows
    const x = fsconf(['show', VANILLA, '--section', 'dialplan']).stdout;
    expect(layoutless((parser.parse(x) as { '?xml'?: unknown }[]).filter((n) => !('?xml' in n)))).toEqual(layoutless(json));
  });

  it('bad input: a clear message and exit 2', () => {
    const none = fsconf(['show', path.join(VANILLA, 'nope')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^fsconf show: .*no such file or directory/);
    const sec = fsconf(['show', VANILLA, '--section', 'bogus']);
    expect(sec.code).toBe(2);
    expect(sec.stderr).toContain('--section must be one of configuration, dialplan, directory, chatplan');
    const name = fsconf(['show', VANILLA, '--section', 'configuration', '--name', 'nothing.conf']);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('nothing named "nothing.conf" in section configuration');
    expect(none.stderr + sec.stderr + name.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
