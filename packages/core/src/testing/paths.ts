/**
 * Where the test data lives inside this repository: FreeSWITCH's own configuration trees (MPL-1.1, see
 * test/corpus/freeswitch/SOURCE.md) and the reference facts read from its source (test/reference/).
 * Tests and benchmarks read only these, so a fresh clone with nothing beside it passes `npm test`.
 */
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export const CORPUS_DIR = `${REPO_ROOT}test/corpus/freeswitch`;
export const REFERENCE_DIR = `${REPO_ROOT}test/reference`;
export const RULES_MD = `${REPO_ROOT}RULES.md`;
