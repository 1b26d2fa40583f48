/**
 * FreeSWITCH network-list (ACL) engine — public API.
 *
 * Build once with buildNetworkLists(), then:
 *  - checkAddress()      explained verdict for hovers / CLI ("allow" | "deny" | "unknown" + reason)
 *  - checkAddressFast()  boolean hot path (≈ millions of lookups per second); checkAddressCode() gives 1/0/-1
 *  - countAllowedPublicIPv4(), summarizeList(), verdictBlocks(), describeCidr() for rules and hovers
 */
export { parseCidr, parseIp, isIpAddress, formatAddress } from './cidr.js';

export {
  buildNetworkLists,
  checkAddress,
  checkAddressFast,
  checkAddressCode,
  checkLists,
  ipv4ToNumber,
  portMatches,
  nodeMatchesV4,
  nodeMatchesV6,
  BUILTIN_LIST_NAMES,
  MAX_CIDR_ITEMS,
} from './evaluator.js';
export type { AclNodeDef, AclListDef, DomainUsers, NetworkList, NetworkLists } from './evaluator.js';

export { countAllowedPublicIPv4, summarizeList, verdictBlocks, describeCidr, formatCount, PUBLIC_IPV4_TOTAL } from './count.js';
export type { CidrBlock } from './count.js';

export { switchTrue, separateString, inetPton4 } from './c-compat.js';
