import { z } from "zod";
import { ScenarioInputSchema } from "../engine/schema";

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

export const SaveRevisionSchema = z.object({
  baseVersion: z.coerce.number({ error: "must be a number" }).int().min(1, { error: "must be the version you loaded" }),
  input: ScenarioInputSchema,
  message: message.default(""),
  name: name.optional(),
  description: description.optional(),
});
export type SaveRevisionInput = z.input<typeof SaveRevisionSchema>;

export const STATUS_FLOW = { draft: ["proposed", "archived"], proposed: ["draft", "decided", "archived"], decided: ["proposed", "archived"], archived: ["draft"] } as const;

export const SetStatusSchema = z.object({
  baseVersion: z.coerce.number().int().min(1),
  status: z.enum(["draft", "proposed", "decided", "archived"], { error: "must be draft, proposed, decided or archived" }),
});

export const CommentSchema = z.object({
  body: z.string().trim().min(1, { error: "Write something first." }).max(5000, { error: "Use at most 5,000 characters." }),
});
