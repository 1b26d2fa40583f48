import type { Rule } from './types.js';
import { notWellFormed } from './xml/not-well-formed.js';
import { strict } from './xml/strict.js';
import { unreadable } from './xml/unreadable.js';
import { commentedDirective } from './preprocess/commented-directive.js';
import { lineDropped } from './preprocess/line-dropped.js';
import { unknownCmd } from './preprocess/unknown-cmd.js';
import { malformed } from './preprocess/malformed.js';
import { undefinedVar } from './preprocess/undefined-var.js';
import { missingInclude } from './preprocess/missing-include.js';
import { includeCycle } from './preprocess/include-cycle.js';
import { exec } from './preprocess/exec.js';
import { internalAuthCalls } from './sofia/internal-auth-calls.js';
import { externalInboundAcl } from './sofia/external-inbound-acl.js';
import { externalContext } from './sofia/external-context.js';
import { blindReg } from './sofia/blind-reg.js';
import { blindAuth } from './sofia/blind-auth.js';
import { registerAclSkipsAuth } from './sofia/register-acl-skips-auth.js';
import { bindConflict } from './sofia/bind-conflict.js';
import { legacyTls } from './sofia/legacy-tls.js';
import { authFailuresNotLogged } from './sofia/auth-failures-not-logged.js';
import { unknownParam } from './sofia/unknown-param.js';
import { passwordTooShort } from './directory/password-too-short.js';
import { passwordTooSimple } from './directory/password-too-simple.js';
import { defaultPassword } from './directory/default-password.js';
import { emptyPassword } from './directory/empty-password.js';
import { vmPasswordIsId } from './directory/vm-password-is-id.js';
import { duplicateUser } from './directory/duplicate-user.js';
import { eslDefaultPassword, eslOpenAcl } from './network/esl.js';
import { xmlrpcNoAuth, xmlrpcDefaultCredentials } from './network/xmlrpc.js';
import { vertoNoAuth } from './network/verto.js';
import { emptyList } from './acl/empty-list.js';
import { invalidCidr } from './acl/invalid-cidr.js';
import { hostBits } from './acl/host-bits.js';
import { invalidVerdict } from './acl/invalid-verdict.js';
import { duplicateList } from './acl/duplicate-list.js';
import { deadNode } from './acl/dead-node.js';
import { unknownList } from './acl/unknown-list.js';
import { allowsInternet } from './acl/allows-internet.js';
import { unknownDomain } from './acl/unknown-domain.js';
import { tollFraudPath } from './security/toll-fraud-path.js';
import { openContext } from './security/open-context.js';
import { modeRange } from './amr/mode-range.js';
import { numericFlag } from './amr/numeric-flag.js';
import { unknownParam as configUnknownParam } from './config/unknown-param.js';
import { unknownEvent } from './amqp/unknown-event.js';
import { badLogLevel } from './amqp/bad-log-level.js';
import { tooManyFields } from './amqp/too-many-fields.js';
import { defaultCredentials as amqpDefaultCredentials } from './amqp/default-credentials.js';
import { unknownModule } from './modules/unknown-module.js';
import { readDigits } from './dialplan/read-digits.js';
import { pagdDigits } from './dialplan/pagd-digits.js';
import { invalidRegex } from './dialplan/invalid-regex.js';
import { captureRef } from './dialplan/capture-ref.js';
import { unknownApp } from './dialplan/unknown-app.js';
import { inlineNotRouting } from './dialplan/inline-not-routing.js';
import { invalidAttr } from './dialplan/invalid-attr.js';
import { unknownField } from './dialplan/unknown-field.js';
import { unknownContext } from './dialplan/unknown-context.js';
import { unknownGateway } from './dialplan/unknown-gateway.js';
import { dstFalse } from './dialplan/dst-false.js';
import { duplicateParam } from './sofia/duplicate-param.js';
import { duplicateSet } from './preprocess/duplicate-set.js';
import { duplicateLoad } from './modules/duplicate-load.js';
import { actionOutsideCondition } from './dialplan/action-outside-condition.js';
import { undefinedContext } from './sofia/undefined-context.js';
import { eslWeakPassword } from './esl/weak-password.js';
import { extIpAny } from './sofia/ext-ip-any.js';
import { sipTrace } from './sofia/sip-trace.js';
import { committedSecret } from './config/committed-secret.js';
import { rayoOpenListener } from './rayo/open-listener.js';
import { jsonCdrDelay } from './json_cdr/delay-seconds.js';
import { ctiInvalid } from './cti/invalid.js';
import { ctiUnknownKey } from './cti/unknown-key.js';
import { fsconfYaml } from './config/fsconf-yaml.js';

/**
 * Every rule fsconf runs, and so every rule id a finding can carry. Adding a rule: one new file, its test
 * file `rules/<id>.test.ts` and one line here (tests fail until RULES.md has its row). Read-only: a test
 * that needs another rule passes its own list (`analyze(fs, { rules })`).
 */
export const ALL_RULES = Object.freeze([
  // xml
  notWellFormed,
  strict,
  unreadable,
  // preprocess
  commentedDirective,
  lineDropped,
  unknownCmd,
  malformed,
  undefinedVar,
  missingInclude,
  includeCycle,
  exec,
  // sofia
  internalAuthCalls,
  externalInboundAcl,
  externalContext,
  blindReg,
  blindAuth,
  registerAclSkipsAuth,
  bindConflict,
  legacyTls,
  authFailuresNotLogged,
  unknownParam,
  // directory
  passwordTooShort,
  passwordTooSimple,
  defaultPassword,
  emptyPassword,
  vmPasswordIsId,
  duplicateUser,
  // acl
  emptyList,
  invalidCidr,
  hostBits,
  invalidVerdict,
  duplicateList,
  deadNode,
  unknownList,
  allowsInternet,
  unknownDomain,
  // network services
  eslDefaultPassword,
  eslOpenAcl,
  xmlrpcNoAuth,
  xmlrpcDefaultCredentials,
  vertoNoAuth,
  // codecs and modules
  modeRange,
  numericFlag,
  configUnknownParam,
  unknownEvent,
  badLogLevel,
  tooManyFields,
  amqpDefaultCredentials,
  unknownModule,
  // dialplan
  readDigits,
  pagdDigits,
  invalidRegex,
  captureRef,
  unknownApp,
  inlineNotRouting,
  invalidAttr,
  unknownField,
  unknownContext,
  unknownGateway,
  dstFalse,
  // added from real trees (issue 16)
  duplicateParam,
  duplicateSet,
  duplicateLoad,
  actionOutsideCondition,
  undefinedContext,
  eslWeakPassword,
  extIpAny,
  sipTrace,
  committedSecret,
  // what a stranger reaches (call simulation)
  tollFraudPath,
  openContext,
  rayoOpenListener,
  jsonCdrDelay,
  // files beside the tree: mod_cti's cti.json and fsconf's own .fsconf.yaml
  ctiInvalid,
  ctiUnknownKey,
  fsconfYaml,
] as const);

/** Every rule id fsconf knows. */
export type RuleId = (typeof ALL_RULES)[number]['meta']['id'];

const IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.meta.id));

export function isRuleId(id: string): id is RuleId {
  return IDS.has(id);
}

export function ruleById(id: string): Rule | undefined {
  return (ALL_RULES as readonly Rule[]).find((r) => r.meta.id === id);
}
