/**
 * "fsconf: Show the assembled configuration": what FreeSWITCH loads (includes spliced, `$${}` expanded), as
 * `fsconf show` prints it, in a read-only virtual document. Each element links back to where it is written.
 * The server assembles it (`fsconf.assembled`); this file only shows it.
 */
import type * as vscode from 'vscode';
import type { AssembledResult } from '@fsconf/server-lsp/protocol';

const ASSEMBLED_SCHEME = 'fsconf-assembled';
const SECTION_CHOICES = ['whole configuration', 'configuration', 'dialplan', 'directory', 'chatplan'] as const;

type Vs = typeof vscode;
type Fetch = (args: { section?: string; uri?: string }) => Promise<AssembledResult>;

export class AssembledView {
  private readonly shown = new Map<string, AssembledResult>();
  /** Each showing gets its own URI (a fresh document, never a stale cached one). */
  private count = 0;

  constructor(private readonly vs: Vs) {}

  register(): vscode.Disposable[] {
    const vs = this.vs;
    return [
      vs.workspace.registerTextDocumentContentProvider(ASSEMBLED_SCHEME, {
        provideTextDocumentContent: (uri) => this.shown.get(uri.toString())?.text ?? '',
      }),
      vs.languages.registerDocumentLinkProvider({ scheme: ASSEMBLED_SCHEME }, { provideDocumentLinks: (doc) => this.links(doc) }),
    ];
  }

  /** Links from each element's start tag to the line it is written on. */
  links(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const vs = this.vs;
    const r = this.shown.get(doc.uri.toString());
    if (!r) return [];
    const out: vscode.DocumentLink[] = [];
    for (const o of r.origins) {
      if (o.line >= doc.lineCount) continue;
      const text = doc.lineAt(o.line).text;
      const start = text.length - text.trimStart().length;
      const end = text.indexOf(' ', start) > 0 ? text.indexOf(' ', start) : text.length;
      const link = new vs.DocumentLink(new vs.Range(o.line, start, o.line, end), vs.Uri.parse(o.uri).with({ fragment: `L${o.sourceLine + 1}` }));
      link.tooltip = `written at ${vs.workspace.asRelativePath(vs.Uri.parse(o.uri), false)}:${o.sourceLine + 1}`;
      out.push(link);
    }
    return out;
  }

  /** Ask which section, fetch it from the server, open it read-only as XML. */
  async show(fetch: Fetch, activeUri: string | undefined, section?: string): Promise<vscode.TextDocument | undefined> {
    const vs = this.vs;
    let choice = section;
    if (!choice) {
      choice = await vs.window.showQuickPick([...SECTION_CHOICES], {
        title: 'fsconf: Show the assembled configuration',
        placeHolder: 'What FreeSWITCH loads after includes and $${} expansion',
      });
      if (!choice) return undefined;
    }
    const only = choice === 'whole configuration' ? undefined : choice;
    const r = await fetch({ ...(only ? { section: only } : {}), ...(activeUri ? { uri: activeUri } : {}) });
    const uri = vs.Uri.parse(`${ASSEMBLED_SCHEME}:/${only ?? 'freeswitch'}.fsxml.xml?${++this.count}`);
    this.shown.set(uri.toString(), r);
    const doc = await vs.workspace.openTextDocument(uri);
    const xml = doc.languageId === 'xml' ? doc : await vs.languages.setTextDocumentLanguage(doc, 'xml');
    await vs.window.showTextDocument(xml, { preview: false });
    return xml;
  }
}
