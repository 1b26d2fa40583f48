import { matchesPattern, type ResolvedConfig } from '../../config.js';
import type { SofiaProfile } from '../../model.js';

export function isInternal(p: SofiaProfile, config: ResolvedConfig): boolean {
  return matchesPattern(p.name, config.profiles.internal);
}

export function isExternal(p: SofiaProfile, config: ResolvedConfig): boolean {
  return !isInternal(p, config) && matchesPattern(p.name, config.profiles.external);
}
