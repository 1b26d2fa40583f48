/**
 * FreeSWITCH network-list (ACL) engine — public API.
 *
 * Build once with buildNetworkLists(), then:
 *  - checkAddress()      explained verdict for hovers / CLI ("allow" | "deny" | "unknown" + reason)
 *  - checkAddressFast()  boolean hot path (≈ millions of lookups per second); checkAddressCode() gives 1/0/-1
 *  - countAllowedPublicIPv4(), summarizeList(), verdictBlocks(), describeCidr() for rules and hovers
 */
export {
  parseCidr,
  rawParseCidr,
  parseIp,
  isIpAddress,
  formatIPv4,
  formatIPv6,
  formatAddress,
} from './cidr.js';
export type { IpFamily, MatchKind, CidrOk, CidrError, CidrResult, RawCidr, IpOk, IpError, IpResult } from './cidr.js';

export {
  buildNetworkLists,
  checkAddress,
  checkAddressFast,
  checkAddressCode,
  checkLists,
  ipv4ToNumber,
  compileInline,
  portMatches,
  nodeMatchesV4,
  nodeMatchesV6,
  BUILTIN_LIST_NAMES,
  MAX_NETWORK_PORTS,
  MAX_CIDR_ITEMS,
  MAX_INLINE_ITEMS,
} from './evaluator.js';
export type {
  SourceRef,
  AclNodeDef,
  AclListDef,
  DomainUsers,
  BuildOptions,
  AclDiagnostic,
  AclDiagnosticCode,
  AclNode,
  AclNodeKind,
  NetworkList,
  NetworkLists,
  AclVerdict,
  MultiVerdict,
  InlineList,
  InlineItem,
} from './evaluator.js';

export {
  countAllowedPublicIPv4,
  summarizeList,
  verdictBlocks,
  describeCidr,
  formatCount,
  NON_PUBLIC_IPV4,
  PUBLIC_IPV4_TOTAL,
} from './count.js';
export type { PublicIPv4Count, VerdictBlocks, CidrBlock, CidrDescription } from './count.js';

export { switchTrue, cAtoi, separateString, inetPton4, inetPton6 } from './c-compat.js';
