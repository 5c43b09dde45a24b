import { z } from "zod";
import { ROLES } from "../auth/roles";

const teamRole = z.enum(ROLES, { error: "Choose owner, editor or viewer." });

export const CreateTeamSchema = z.object({
  name: z.string().trim().min(1, { error: "Give the team a name." }).max(80, { error: "Use at most 80 characters." }),
});

export const InviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address." })),
  role: teamRole,
  anyoneWithLink: z
    .boolean({ error: "must be true or false" })
    .default(false)
    .describe("Anyone signed in who holds the link may join; otherwise only the invited email"),
});

export const UpdateMemberSchema = z
  .object({
    role: teamRole.optional(),
    disabled: z
      .boolean({ error: "must be true or false" })
      .optional()
      .describe("Suspend (true) or restore (false) the member's access to this team"),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { error: "Send a role, or disabled: true/false.", path: ["role"] });

export const NotificationPrefsSchema = z.object({
  flips: z.boolean({ error: "must be true or false" }),
  moves: z.boolean({ error: "must be true or false" }),
});

export const WebhookSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL, such as a Slack incoming webhook" })
    .max(2000, { error: "Use at most 2000 characters." })
    .nullable(),
  /** Make a new signing secret (the old one stops working). */
  rotateSecret: z.boolean({ error: "must be true or false" }).default(false),
});
