import { z } from "zod";

export const CreateTeamSchema = z.object({
  name: z.string().trim().min(1, { error: "Give the team a name." }).max(80, { error: "Use at most 80 characters." }),
});

export const InviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
  role: z.enum(["owner", "editor", "viewer"], { error: "Choose owner, editor or viewer." }),
  anyoneWithLink: z.boolean({ error: "must be true or false" }).default(false).describe("Anyone signed in who holds the link may join; otherwise only the invited email"),
});

export const UpdateMemberSchema = z
  .object({
    role: z.enum(["owner", "editor", "viewer"], { error: "Choose owner, editor or viewer." }).optional(),
    disabled: z.boolean({ error: "must be true or false" }).optional().describe("Suspend (true) or restore (false) the member's access to this team"),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { error: "Send a role, or disabled: true/false.", path: ["role"] });
