import { KNOWLEDGE_VERSIONS_TEXT } from '@fsconf/core';
import { VERSION } from './version.js';

/** `fsconf --version`: the version, and the FreeSWITCH versions whose behaviour the findings describe. */
export function versionText(): string {
  return `fsconf ${VERSION}\nFreeSWITCH knowledge: ${KNOWLEDGE_VERSIONS_TEXT}`;
}
