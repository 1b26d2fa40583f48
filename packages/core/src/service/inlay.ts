/**
 * Inlay hints: what the text means, shown where it is written.
 * - after each `$${var}`: its value as the pre-processor expands it *at that line* (a later `set` does not
 *   reach earlier lines), masked when it is a secret;
 * - after an AMR / AMR-WB mode index (`default-bitrate`): its bitrate;
 * - before each positional argument of `read` / `play_and_get_digits`: what FreeSWITCH reads it as.
 * Each kind can be turned off (the client's `fsconf.inlayHints.*` settings).
 */
import type { InlayHint } from 'vscode-languageserver-types';
import { nodeConfigName } from '../model.js';
import { seqAt, type Doc } from '../tree.js';
import { maskSecret } from '../text.js';
import { amrModes, configParams } from '../kb/index.js';
import { separateArgs } from '../dialplan/args.js';
import { actionData } from '../semantics/source-map.js';
import { canonicalApp } from '../semantics/dialplan.js';
import { elementAt } from '../xml/parser.js';
import { isSecretName } from '../semantics/secret-names.js';
import { globalGist, rawValue } from './preprocess-provider.js';
import type { FsconfWorkspace } from './workspace.js';
import { SETTING_DEFAULTS, type SettingDefaults } from '../settings-schema.js';

/** The kinds of inlay hint and their defaults: the `inlayHints` setting (settings-schema.ts). */
export type InlayKinds = SettingDefaults['inlayHints'];
const INLAY_DEFAULTS: InlayKinds = SETTING_DEFAULTS.inlayHints;

/** Positional arguments, as mod_dptools reads them (dptools-apps reference: mod_dptools.c read_function / play_and_get_digits_function). */
const POSITIONAL: Record<string, readonly string[]> = {
  read: ['min', 'max', 'file', 'var', 'timeout', 'terminators', 'digit-timeout'],
  play_and_get_digits: ['min', 'max', 'tries', 'timeout', 'terminators', 'file', 'invalid-file', 'var', 'regexp', 'digit-timeout', 'transfer-on-failure'],
};

const MAX_LABEL = 48;

function short(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

export function inlayHints(
  ws: FsconfWorkspace,
  path: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined,
  kinds: InlayKinds = INLAY_DEFAULTS,
): InlayHint[] {
  const a = ws.analysis();
  const doc = a.tree.docs.get(path);
  if (!doc) return [];
  const from = range ? doc.lines.offsetAt(range.start) : 0;
  const to = range ? doc.lines.offsetAt(range.end) : doc.text.length;
  const inside = (o: number) => o >= from && o <= to;
  const out: InlayHint[] = [];
  if (kinds.variables) variableHints(ws, doc, inside, out);
  if (kinds.bitrates) {
    const withModes = new Map<string, Map<string, 'amr' | 'amrwb'>>();
    for (const p of a.model.params) {
      if (p.node.doc !== doc || !p.valueAttr || !inside(p.valueAttr.valueEnd)) continue;
      const cfg = nodeConfigName(p.node);
      if (!cfg) continue;
      let m = withModes.get(cfg);
      if (!m) {
        m = new Map(
          configParams(cfg)
            .filter((e) => e.modes)
            .map((e) => [e.name, e.modes!] as const),
        );
        withModes.set(cfg, m);
      }
      const codec = m.get(p.name);
      const v = p.value.value?.trim();
      if (!codec || v === undefined || !/^\d+$/.test(v)) continue;
      const mode = amrModes(codec).find((x) => x.mode === Number(v));
      out.push({
        position: doc.lines.positionAt(p.valueAttr.valueEnd + (p.valueAttr.quote ? 1 : 0)),
        label: mode ? `${mode.kbps.toFixed(2)} kbit/s` : `no ${codec === 'amr' ? 'AMR' : 'AMR-WB'} mode ${v}`,
        paddingLeft: true,
        tooltip: `${codec === 'amr' ? 'AMR' : 'AMR-WB'} mode ${v}`,
      });
    }
  }
  if (kinds.arguments) {
    for (const act of a.model.actions) {
      if (act.node.doc !== doc || !inside(act.node.el.start)) continue;
      const app = canonicalApp(act);
      const names = app ? POSITIONAL[app] : undefined;
      if (!names) continue;
      const data = actionData(act);
      if (data.value === undefined || !data.map) continue; // only where the text maps character for character
      const args = separateArgs(data.value, names.length);
      args.forEach((arg, i) => {
        if (!names[i] || arg.end <= arg.start) return;
        out.push({ position: doc.lines.positionAt(data.map!(arg.start)), label: `${names[i]}:`, kind: 2, paddingRight: true });
      });
    }
  }
  return out.sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}

function variableHints(ws: FsconfWorkspace, doc: Doc, inside: (o: number) => boolean, out: InlayHint[]): void {
  const tree = ws.analysis().tree;
  for (const u of doc.scan.varUses) {
    if (!inside(u.end)) continue;
    const seq = seqAt(doc, u.start);
    const def = tree.vars.lookup(u.name, seq);
    let label: string;
    let secret = isSecretName(u.name);
    if (!secret) {
      // a `$${}` inside a secret's value: `<param name="password" value="$${pw}"/>`, `set default_password=$${x}`
      const el = elementAt(doc.xml.roots, u.start);
      const n = el?.attrs.find((x) => x.name === 'name')?.value;
      if (n && isSecretName(n)) secret = true;
      for (const defs of tree.vars.defs.values())
        for (const d of defs) if (d.doc === doc && u.start >= d.valueStart && u.end <= d.valueEnd && isSecretName(d.name)) secret = true;
    }
    if (def && def.value !== undefined) label = `= ${secret ? maskSecret(def.value) : short(def.value)}`;
    else if (def && def.cmd === 'set') label = `= ${secret ? maskSecret(rawValue(def)) : short(rawValue(def))}`;
    else if (def) label = `= (${def.cmd}, decided on the switch)`;
    else if (globalGist(u.name)) label = `= (${globalGist(u.name)})`;
    else if ((tree.vars.defs.get(u.name) ?? []).length) label = '= "" (set only later)';
    else label = '= "" (never set)';
    out.push({ position: doc.lines.positionAt(u.end), label, paddingLeft: true });
  }
}
