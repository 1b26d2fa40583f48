/** A one-line message for any thrown value (never a stack trace). */
export function errorText(e: unknown): string {
  let msg: string;
  if (e instanceof Error) msg = e.message;
  else if (e && typeof e === 'object' && 'message' in e) msg = String((e as { message: unknown }).message);
  else msg = String(e);
  const code = e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined;
  if (code === 'EACCES' || code === 'EPERM')
    msg += ' — permission denied: run fsconf as a user who may read (and write) the configuration, e.g. with sudo -u freeswitch';
  if (code === 'ENOENT') msg = msg.replace(/^ENOENT: /, '');
  return msg.split('\n')[0]!;
}
