/**
 * The FreeSWITCH versions the knowledge base describes (`fsconf --version` prints them). Today it was read
 * from FreeSWITCH's master branch; a knowledge base that also records what an older release lacks adds
 * that release here.
 */
export const KNOWLEDGE_VERSIONS: readonly string[] = ['master'];
