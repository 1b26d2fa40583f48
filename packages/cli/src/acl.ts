/** `fsconf acl <ip> <list>`: placeholder until the ACL engine lands. */
export async function runAclCommand(_args: string[]): Promise<number> {
  process.stderr.write('fsconf: acl is not available in this build\n');
  return 2;
}
