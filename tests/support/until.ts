// Polls until a probe returns something truthy: for work a job queue does in the background.
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
