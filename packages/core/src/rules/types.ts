import type { Range } from 'vscode-languageserver-types';
import type { Doc, Tree } from '../tree.js';
import type { XmlElement } from '../xml/parser.js';
import type { Model } from '../model.js';
import type { ConfigProblem, ResolvedConfig } from '../config.js';
import type { CtiFile } from '../cti.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RuleMeta<Id extends string = string> {
  /** Stable id from RULES.md, e.g. "sofia/internal-auth-calls". Never rename. */
  id: Id;
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  fixable: boolean;
  /** Security rules get a security-severity in SARIF. */
  security?: boolean;
  /**
   * 'file': the findings for a file depend only on that file (plus the variable table, the loaded
   * modules and the configuration), and the rule walks only leaf collections (actions, conditions,
   * extensions, params, users, tree.order) — reading the others as context — so after an edit it is
   * re-run on the changed files only.
   * 'extension': finer still, for dialplan rules: the rule walks only the extensions, conditions and
   * actions of ctx.model (the other collections are whole, to read as context), every finding (with its fixes and related places) lies inside the extension it
   * is about, and it depends only on that extension plus what 'file' allows plus `unitKey`. After an
   * edit the rule runs on the extensions whose element changed; the others keep their findings (moved
   * with the text).
   * 'user': the same for directory users: the rule walks only ctx.model.users, and a user's findings
   * depend only on the user and the group and domain params it inherits (a finding at one of those
   * names its user with `about`).
   * Default 'tree': run on the whole tree every time.
   */
  scope?: 'file' | 'extension' | 'user' | 'tree';
  /**
   * For scope 'tree': the element names whose content the rule's findings can depend on (beyond the
   * variables, the configuration, the include graph and module loads). After an edit, a file that holds
   * none of these elements before or after it cannot change the rule's findings, so they are kept.
   * Leave it out when the rule reads files' text or anything else: the rule then runs every time.
   */
  reads?: readonly string[];
}

export interface FileEdit {
  file: string;
  range: Range;
  newText: string;
}

/**
 * How automatic a fix may be (DESIGN.md "Safety"):
 * - 'safe': cannot stop a call, a registration or a client that works today (inserting
 *   log-auth-failures, escaping `&`, swapping min/max): applied by `fsconf lint --fix`, TUI `F` and fix-all;
 * - 'choice': one of several reasonable outcomes (ACL lists, contexts, did-you-means): a person picks it;
 * - 'credential': changes a secret: applied only on explicit opt-in (`--fix-credentials`, or picked),
 *   and fsconf then says where the new secret is and who must be told.
 */
export type FixKind = 'safe' | 'choice' | 'credential';

export interface Fix {
  title: string;
  kind: FixKind;
  edits: FileEdit[];
  /** The single obvious fix: applied by `fsconf lint --fix` and marked preferred in LSP. */
  preferred?: boolean;
}

interface Related {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  range: Range;
  message: string;
  related?: Related[];
  /**
   * The one place that causes this finding and others like it (the `set` of `$${default_password}` that 21
   * users inherit): clients group findings that share a rule and a cause.
   */
  cause?: Related;
  fixes: Fix[];
  /** Security-relevant (SARIF security-severity). */
  security?: boolean;
}

/** Offsets-based edit, converted to a range by the context. */
export interface EditAt {
  doc: Doc;
  start: number;
  end: number;
  newText: string;
}

export interface FixInput {
  title: string;
  kind: FixKind;
  edits: EditAt[];
  preferred?: boolean;
}

export interface ReportInput {
  doc: Doc;
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. a rule with an error and a warning form). */
  severity?: Severity;
  related?: { doc: Doc; start: number; end: number; message: string }[];
  /** See Finding.cause; `message` names the cause in words ("the weak $${default_password} set at vars.xml:15"). */
  cause?: { doc: Doc; start: number; end: number; message: string };
  fixes?: FixInput[];
  /**
   * For 'extension' and 'user' rules: the unit (extension or user element) the finding is about, when
   * it lies outside that unit (a password inherited from the user's group is reported at the group's param).
   */
  about?: XmlElement;
}

export interface RuleContext {
  tree: Tree;
  model: Model;
  config: ResolvedConfig;
  report(input: ReportInput): void;
}

/** What analysis read beside the XML tree: the problems of `.fsconf.yaml` (or editor settings) and mod_cti's cti.json. */
interface FilesContext {
  configProblems: readonly ConfigProblem[];
  cti: CtiFile | undefined;
}

export interface Rule<Id extends string = string> {
  meta: RuleMeta<Id>;
  check(ctx: RuleContext): void;
  /**
   * For a rule about a file beside the tree (`.fsconf.yaml`, cti.json): its findings, from what analysis
   * read of that file (check() then finds nothing in the tree). Severity comes from meta unless configured.
   */
  checkFiles?(ctx: FilesContext): Finding[];
  /**
   * For scope 'extension': what, outside the extension, its findings depend on (e.g. the names of the
   * contexts a transfer may target), computed on the whole tree; when it changes every extension is
   * checked again.
   */
  unitKey?(ctx: RuleContext): string;
}

/** Where each rule is documented (RULES.md, one anchor per id). */
export const RULES_DOC_URL = 'https://github.com/fsconf/fsconf/blob/main/RULES.md';

export function ruleAnchor(id: string): string {
  return `${RULES_DOC_URL}#${id.replace(/\//g, '').toLowerCase()}`;
}

/** Declare a rule; keeps its id's literal type so the rule list yields `RuleId` (rules/index.ts). */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
