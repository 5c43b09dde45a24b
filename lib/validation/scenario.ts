import { z } from "zod";
import { ScenarioInputSchema } from "../engine";

const name = z.string().trim().min(1, { error: "Give the scenario a name." }).max(120, { error: "Use at most 120 characters." });
const description = z.string().trim().max(2000, { error: "Use at most 2,000 characters." });
const message = z.string().trim().max(500, { error: "Use at most 500 characters." });

export const CreateScenarioSchema = z.object({
  name,
  description: description.default(""),
  input: ScenarioInputSchema,
  message: message.default("Created"),
});
export type CreateScenarioInput = z.input<typeof CreateScenarioSchema>;

/** The version the client loaded: every change to a scenario is checked against it (409 if stale). */
const baseVersion = z
  .number({ error: "must be the version you loaded (a number)" })
  .int({ error: "must be a whole number" })
  .min(1, { error: "must be the version you loaded" });
export const BaseVersionSchema = z.object({ baseVersion });

/** Name and description are the scenario's, not a revision's: changing them adds no revision. */
export const RenameScenarioSchema = z.object({ baseVersion, name, description: description.optional() });

export const SaveRevisionSchema = z.object({
  baseVersion,
  input: ScenarioInputSchema,
  message: message.default(""),
  name: name.optional(),
  description: description.optional(),
});
export type SaveRevisionInput = z.input<typeof SaveRevisionSchema>;

export const SetStatusSchema = z.object({
  baseVersion,
  status: z.enum(["draft", "proposed", "decided", "archived"], { error: "must be draft, proposed, decided or archived" }),
});

export const CommentSchema = z.object({
  body: z.string().trim().min(1, { error: "Write something first." }).max(5000, { error: "Use at most 5,000 characters." }),
});
