import { readCpuSeconds, readMachineBusySeconds } from './serverProcess';

/** Cores' worth of CPU that processes other than ours used over `seconds`. */
export async function otherProcessesLoad(ownPids: readonly number[], seconds: number): Promise<number> {
  const ownCpu = () => ownPids.reduce((sum, pid) => sum + readCpuSeconds(pid), 0);
  const machineBefore = readMachineBusySeconds();
  const ownBefore = ownCpu();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return Math.max(0, readMachineBusySeconds() - machineBefore - (ownCpu() - ownBefore)) / seconds;
}

/**
 * Waits (at most `maxWaitSeconds`) until other processes use less than `threshold` cores for a whole
 * second, so a measurement does not share the CPUs with someone else's build. Returns the load last seen.
 */
export async function waitForQuietMachine(ownPids: readonly number[], maxWaitSeconds: number, log: (line: string) => void, threshold = 0.15): Promise<number> {
  const deadline = Date.now() + maxWaitSeconds * 1000;
  let load = await otherProcessesLoad(ownPids, 1);
  if (load >= threshold) log(`  other processes use ${load.toFixed(2)} cores; waiting up to ${maxWaitSeconds} s for a quieter machine`);
  while (load >= threshold && Date.now() < deadline) load = await otherProcessesLoad(ownPids, 1);
  if (load >= threshold) log(`  still ${load.toFixed(2)} cores used by other processes; measuring anyway (see "other processes CPU")`);
  return load;
}
