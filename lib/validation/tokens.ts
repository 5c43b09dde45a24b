import { z } from "zod";

export const CreateTokenSchema = z.object({
  name: z.string().trim().min(1, { error: "Give the token a name." }).max(80, { error: "Use at most 80 characters." }),
  access: z.enum(["read", "write"], { error: "must be read or write" }).default("read"),
});
