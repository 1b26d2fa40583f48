/**
 * Element names tree rules declare in `meta.reads` (see RuleMeta.reads): what their findings can depend
 * on. Generous on purpose: naming one element too many costs a re-run, one too few a stale finding.
 */
export const ACL_ELEMENTS = ['network-lists', 'list', 'node'] as const;
export const DIRECTORY_ELEMENTS = ['domains', 'domain', 'params', 'param', 'variables', 'variable', 'users', 'user', 'groups', 'group'] as const;
export const SOFIA_ELEMENTS = [
  'profiles',
  'profile',
  'settings',
  'param',
  'gateways',
  'gateway',
  'params',
  'variables',
  'variable',
  'domains',
  'domain',
  'aliases',
  'alias',
] as const;

/** Where ACL references live: sofia/verto/event_socket params and directory auth-acl params (not variables). */
export const ACL_REFERENCE_ELEMENTS = [
  'profiles',
  'profile',
  'settings',
  'params',
  'param',
  'gateways',
  'gateway',
  'domains',
  'domain',
  'users',
  'user',
  'groups',
  'group',
] as const;
/** Users and their ids, without their params and variables. */
export const DIRECTORY_STRUCTURE = ['domains', 'domain', 'users', 'user', 'groups', 'group'] as const;

export const reads = (...groups: readonly (readonly string[])[]): readonly string[] => [...new Set(groups.flat())];
/**
 * Rules that read only actions (check_acl): an action's meaning changes only when the action itself is
 * re-parsed (a change to an enclosing condition's or extension's tag re-parses the actions inside).
 */
export const ACTION_ELEMENTS = ['action', 'anti-action'] as const;
