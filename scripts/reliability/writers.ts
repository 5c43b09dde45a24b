// Writers for the fault and instance runs: each has its own user and scenario and saves new
// revisions in a loop, recording every save the server acknowledged, so that afterwards each
// acknowledged save can be looked up in the scenario's history.
import { readFileSync } from "node:fs";
import { Client, sleep, type Reply } from "./harness";

const input = JSON.parse(readFileSync("lib/engine/examples/chat-assistant-8b.json", "utf8"));
export const exampleInput = () => structuredClone(input);

export type Ack = { scenario: string; revision: number; marker: string };
export type Failure = { at: number; status: number; ms: number; message: string };

export class Writer {
  acks: Ack[] = [];
  failures: Failure[] = [];
  successes: { at: number; ms: number }[] = [];
  private version = 1;
  private n = 0;
  constructor(
    public client: Client,
    public team: string,
    public scenario: string,
    private label: string,
  ) {}

  static async create(base: string, label: string): Promise<Writer> {
    const u = await Client.newUser(base, label);
    const r = await u.client.request("POST", `/api/v1/teams/${u.team}/scenarios`, { name: label, input });
    if (r.status !== 201) throw new Error(`scenario: ${r.status} ${JSON.stringify(r.body)}`);
    return new Writer(u.client, u.team, (r.body as { id: string }).id, label);
  }

  /** One save; a conflict refreshes the version; a network error counts as status 0. */
  async saveOnce(): Promise<Reply | null> {
    const marker = `${this.label}-${++this.n}`;
    const changed = { ...input, workload: { ...input.workload, requestsPerMonth: 1_000_000 + this.n } };
    const at = Date.now();
    let r: Reply;
    try {
      r = await this.client.request("PUT", `/api/v1/scenarios/${this.scenario}`, {
        baseVersion: this.version,
        input: changed,
        message: marker,
      });
    } catch (error) {
      this.failures.push({ at, status: 0, ms: Date.now() - at, message: String((error as Error).cause ?? error) });
      return null;
    }
    if (r.status === 200) {
      const body = r.body as { version: number; revision: number };
      this.version = body.version;
      this.acks.push({ scenario: this.scenario, revision: body.revision, marker });
      this.successes.push({ at, ms: r.ms });
    } else if (r.status === 409) {
      await this.refresh();
    } else {
      this.failures.push({ at, status: r.status, ms: r.ms, message: JSON.stringify(r.body).slice(0, 160) });
    }
    return r;
  }

  async refresh(): Promise<void> {
    try {
      const r = await this.client.request("GET", `/api/v1/scenarios/${this.scenario}`);
      if (r.status === 200) this.version = (r.body as { version: number }).version;
    } catch {
      /* the next save will find out */
    }
  }

  /** Saves until stop() is called; pauses a little after a failure. */
  async loop(stop: { stopped: boolean }): Promise<void> {
    while (!stop.stopped) {
      const r = await this.saveOnce();
      if (!r || r.status >= 500) await sleep(100);
    }
  }

  /** The acknowledged saves that the scenario's history does not hold. */
  async missing(client: Client = this.client): Promise<Ack[]> {
    const r = await client.request("GET", `/api/v1/scenarios/${this.scenario}/revisions`);
    if (r.status !== 200) throw new Error(`revisions of ${this.scenario}: ${r.status}`);
    const stored = new Map(
      (r.body as { revisions: { number: number; message: string | null }[] }).revisions.map((x) => [x.number, x.message]),
    );
    return this.acks.filter((a) => stored.get(a.revision) !== a.marker);
  }
}
