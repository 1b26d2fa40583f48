// placeholder replaced below
export async function runExposureCommand(_args: string[]): Promise<number> {
  process.stderr.write('fsconf exposure: not built yet\n');
  return 2;
}
