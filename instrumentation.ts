// Runs once when the server process starts: the job workers (re-pricing after a publish, price
// feeds) start with it, so every instance of the app takes its share of the queue.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getBoss } = await import("./lib/jobs/boss");
  const { resumeOrphanedRuns, startWorkers } = await import("./lib/jobs/workers");
  try {
    const boss = await getBoss();
    await startWorkers(boss);
    await resumeOrphanedRuns(boss);
    const { syncAllFeedSchedules } = await import("./lib/data/feeds");
    await syncAllFeedSchedules(boss);
  } catch (error) {
    // The app still serves; jobs wait in the database until an instance works them.
    console.error("Job workers did not start:", error);
  }
}
