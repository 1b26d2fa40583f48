import { defineRule, type RuleContext } from '../types.js';
import { configsNamed, paramsIn, sectionNodes } from '../../semantics/module-config.js';
import { findParam, type Param } from '../../model.js';
import { lazyEdit, lazyPassword } from '../../passwords.js';
import { admitsLabel, admitsLabelIf, admitsNonLoopback, admitsPublic } from './acl-admits.js';
import { aclModelFor } from '../../semantics/network-lists.js';
import { deleteNodeEdit } from '../acl/shared.js';
import { parseCidr } from '../../acl/index.js';
import type { FixInput } from '../types.js';
import { insertParamFix } from '../params.js';

interface EslSettings {
  params: Param[];
  settingsNode: import('../../model.js').Node;
  listenIp: string | undefined;
  acl: string | undefined;
  aclParam: Param | undefined;
}

function eslSettings(ctx: RuleContext): EslSettings[] {
  const out: EslSettings[] = [];
  for (const cfg of configsNamed(ctx.model, 'event_socket.conf')) {
    for (const s of sectionNodes(ctx.tree, cfg.node, 'settings')) {
      const params = paramsIn(ctx.tree, s);
      const ip = findParam(params, 'listen-ip', true);
      const acl = findParam(params, 'apply-inbound-acl');
      out.push({
        params,
        settingsNode: s,
        listenIp: ip ? ip.value.value : '127.0.0.1',
        // no apply-inbound-acl: mod_event_socket forces loopback.auto
        acl: acl ? acl.value.value : 'loopback.auto',
        aclParam: acl,
      });
    }
  }
  return out;
}

const isLoopbackIp = (ip: string) => ip === '' || ip.startsWith('127.') || ip === '::1' || ip === 'localhost';

/** event_socket with the well-known password ClueCon (also the default when none is set). */
export const eslDefaultPassword = defineRule({
  meta: { id: 'esl/default-password', severity: 'warning', description: 'event_socket password is the stock ClueCon', fixable: true, security: true },
  check(ctx) {
    for (const s of eslSettings(ctx)) {
      const pw = findParam(s.params, 'password', true);
      if (pw && pw.value.value !== 'ClueCon') continue;
      const reachable = s.listenIp !== undefined && !isLoopbackIp(s.listenIp) && s.acl !== undefined && admitsNonLoopback(ctx.model, s.acl) === true;
      const severity = reachable ? 'error' : 'warning';
      const why = reachable
        ? `it listens on ${s.listenIp} and its ACL "${s.acl}" admits other hosts: whoever reaches the port controls the switch`
        : `today only loopback may connect (ACL ${s.acl ?? 'unknown'}${s.listenIp && isLoopbackIp(s.listenIp) ? `, listen-ip ${s.listenIp}` : ''}), but any local process or a later ACL change exposes full control`;
      const generated = lazyPassword({ minimum: 16, strength: 4 });
      if (pw && pw.valueAttr) {
        ctx.report({
          doc: pw.node.doc,
          start: pw.valueAttr.valueStart,
          end: pw.valueAttr.valueEnd,
          severity,
          message: `event_socket password is the well-known "C***"; ${why}`,
          fixes: [
            {
              title: 'Replace with a generated strong password',
              kind: 'credential',
              edits: [lazyEdit(pw.node.doc, pw.valueAttr.valueStart, pw.valueAttr.valueEnd, generated)],
              preferred: true,
            },
          ],
        });
      } else {
        const fix = insertParamFix(s.settingsNode, s.params, 'password', generated, 'Insert a generated strong password', 'credential', true);
        ctx.report({
          doc: s.settingsNode.doc,
          start: s.settingsNode.el.nameStart,
          end: s.settingsNode.el.nameEnd,
          severity,
          message: `event_socket has no password, so FreeSWITCH uses the well-known "C***"; ${why}`,
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
});

/** event_socket reachable from the internet. */
export const eslOpenAcl = defineRule({
  meta: {
    id: 'esl/open-acl',
    severity: 'error',
    description: 'event_socket listens beyond loopback and its ACL allows public addresses',
    fixable: true,
    security: true,
  },
  check(ctx) {
    for (const s of eslSettings(ctx)) {
      if (s.listenIp === undefined || isLoopbackIp(s.listenIp) || s.acl === undefined) continue;
      if (admitsPublic(ctx.model, s.acl) !== true) continue;
      const p = s.aclParam;
      if (!p || !p.valueAttr) continue;
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr.valueStart,
        end: p.valueAttr.valueEnd,
        message: `event_socket listens on ${s.listenIp} and its ACL "${s.acl}" allows public addresses: anyone on the internet who guesses the password controls the switch`,
        fixes: openAclFixes(ctx, s.acl, p),
      });
    }
  },
});

/**
 * Choices for an open ESL ACL. Where the list itself lets the internet in (an `allow 0.0.0.0/0` node, a
 * default of allow), fix it there: the list's other nodes (an application server it was written for)
 * keep working. Otherwise, or as well, point apply-inbound-acl at a list that does not admit the
 * internet — each labelled with what it admits, so nobody locks the product out of its own switch blindly.
 */
function openAclFixes(ctx: RuleContext, name: string, p: Param): FixInput[] {
  const out: FixInput[] = [];
  const am = aclModelFor(ctx.model);
  const info = am.byName.get(name.trim());
  const list = info?.list;
  if (list && !info.unknownDefault && !info.unknownNodes.length) {
    // nodes that allow a public network wider than a /16 (the cause, not a single address someone meant)
    for (const n of list.nodes) {
      const type = n.attrs.get('type')?.expanded.value?.trim().toLowerCase();
      const cidr = n.attrs.get('cidr')?.expanded.value;
      if (type !== 'allow' || !cidr || cidr.includes(',')) continue;
      const c = parseCidr(cidr.trim());
      if (!c.ok || c.bits > 16) continue;
      const line = n.node.doc.lines.lineOf(n.node.el.start) + 1;
      const after = admitsLabelIf(ctx.model, name, { dropLines: [line] });
      // a list that then denies everything would lock fs_cli out too: offer loopback.auto instead
      if (!after || after === 'allows all of the internet' || after === 'denies everything' || /internet addresses/.test(after)) continue;
      out.push({
        title: `Delete the node allow ${cidr.trim()} from list "${name}" (the list then ${after})`,
        kind: 'choice',
        edits: [deleteNodeEdit(n)],
        ...(out.length ? {} : { preferred: true }),
      });
    }
    const dflt = list.defaultAttr;
    if (dflt && dflt.expanded.value?.trim().toLowerCase() === 'allow') {
      const after = admitsLabelIf(ctx.model, name, { default: 'deny' });
      if (after && after !== 'allows all of the internet' && after !== 'denies everything' && !/internet addresses/.test(after))
        out.push({
          title: `Set default="deny" on list "${name}" (the list then ${after})`,
          kind: 'choice',
          edits: [{ doc: dflt.node.doc, start: dflt.attr.valueStart, end: dflt.attr.valueEnd, newText: 'deny' }],
          ...(out.length ? {} : { preferred: true }),
        });
    }
  }
  if (!p.valueAttr) return out;
  const candidates = ['loopback.auto', ...am.infos.map((i) => i.list.name).filter((x) => x && x !== name.trim())];
  for (const c of [...new Set(candidates)]) {
    if (admitsPublic(ctx.model, c) !== false) continue;
    const preferred = !out.length && c === 'loopback.auto';
    out.push({
      title: `Set apply-inbound-acl to "${c}" (${admitsLabel(ctx.model, c)})`,
      kind: 'choice',
      edits: [{ doc: p.node.doc, start: p.valueAttr.valueStart, end: p.valueAttr.valueEnd, newText: c }],
      ...(preferred ? { preferred } : {}),
    });
  }
  return out;
}
