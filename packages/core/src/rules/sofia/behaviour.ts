/**
 * What a sofia profile does, whatever its name: who it lets in without a password and where those calls land.
 * Facts (mod_sofia, v1.10.12 = master here):
 * - sofia.c:5729 `apply-inbound-acl` accumulates (each param adds a list, `none` clears them); sofia.c:10552 the
 *   lists are OR'ed: the first that allows the address admits it.
 * - sofia.c:10582 with auth-calls on, an address an inbound ACL allows skips digest; one no list allows falls
 *   back to digest. sofia.c:10666 with auth-calls off, it gets 403 (unless a fail context is given), and
 *   without any inbound ACL every INVITE is taken unchallenged.
 * - sofia_reg.c:2389 `apply-register-acl` lists are AND'ed; a REGISTER from an address they allow is
 *   registered without a password, any other gets 403 with no digest fallback.
 */
import { findParam, findParams, type Param, type SofiaProfile } from '../../model.js';
import { switchTrue } from '../../text.js';
import type { RuleContext } from '../types.js';

export interface ProfileBehaviour {
  profile: SofiaProfile;
  /** auth-calls as FreeSWITCH reads it; undefined when the value is unknown (`$${}` from exec-set, …). */
  authCalls: boolean | undefined;
  authCallsParam: Param | undefined;
  /** The inbound ACL params in effect (after the last `none`), with known non-empty values. */
  inboundAcls: Param[];
  /** Some inbound ACL value is unknown. */
  inboundAclUnknown: boolean;
  /** The dialplan context calls land in (`default` when not set); undefined when unknown. */
  context: string | undefined;
  contextParam: Param | undefined;
  /** Who gets in without a password: everyone, only what the inbound ACLs allow, nobody (digest), or unknown. */
  admits: 'anyone' | 'acl' | 'digest' | 'unknown';
}

export function profileBehaviour(profile: SofiaProfile): ProfileBehaviour {
  const authCallsParam = findParam(profile.settings, 'auth-calls');
  const authCalls = authCallsParam ? (authCallsParam.value.value === undefined ? undefined : switchTrue(authCallsParam.value.value)) : false;
  let inboundAcls: Param[] = [];
  let inboundAclUnknown = false;
  for (const p of findParams(profile.settings, 'apply-inbound-acl')) {
    const v = p.value.value;
    if (v === undefined) inboundAclUnknown = true;
    else if (v.trim() === '') continue;
    else if (v.trim().toLowerCase() === 'none') {
      inboundAcls = [];
      inboundAclUnknown = false;
    } else inboundAcls.push(p);
  }
  const contextParam = findParam(profile.settings, 'context');
  const context = contextParam ? contextParam.value.value?.trim() || (contextParam.value.value === undefined ? undefined : 'default') : 'default';
  let admits: ProfileBehaviour['admits'];
  if (authCalls === undefined || inboundAclUnknown) admits = 'unknown';
  else if (inboundAcls.length) admits = 'acl';
  else admits = authCalls ? 'digest' : 'anyone';
  return { profile, authCalls, authCallsParam, inboundAcls, inboundAclUnknown, context, contextParam, admits };
}

/**
 * mod_cti (a third-party module) refuses to load profiles by name; its wording is used only where it runs:
 * a cti.json in the tree, or mod_cti loaded in modules.conf.
 */
export function modCtiPresent(ctx: RuleContext): boolean {
  if (ctx.config.passwords.source === 'cti.json') return true;
  return ctx.model.moduleLoads.some((l) => l.module.trim().replace(/\.(so|dll|dylib)$/i, '') === 'mod_cti');
}

/** "from any address; they land in context "default"" and the like, for messages. */
export function admitsText(b: ProfileBehaviour): string {
  const lands = b.context === undefined ? '' : `; they land in context "${b.context}"`;
  if (b.admits === 'acl') {
    const names = b.inboundAcls.map((p) => `"${p.value.value}"`).join(' or ');
    return `from addresses apply-inbound-acl ${names} allows (others get 403)${lands}`;
  }
  return `from any address${lands}`;
}
