import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

const email = z
  .string({ error: "Enter a valid email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }).max(254, { error: "Use at most 254 characters." }));

const newPassword = z
  .string({ error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });

/** The secret part of a link sent by email. */
const linkToken = z
  .string({ error: "This link is incomplete: open it from the email again." })
  .min(20, { error: "This link is incomplete: open it from the email again." })
  .max(100, { error: "This link is not valid." });

export const SignUpSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter your name." }).max(100, { error: "Use at most 100 characters." }),
  email,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const ChangePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, { error: "Enter your current password." })
    .max(PASSWORD_MAX_LENGTH),
  newPassword,
});

export const PasswordResetRequestSchema = z.object({ email });

export const PasswordResetSchema = z.object({ token: linkToken, newPassword });

export const VerifyEmailSchema = z.object({ token: linkToken });

/** Where the confirmation link leads after confirming (a path in this app). */
export const NextPathSchema = z.object({
  next: z.string({ error: "must be a path in this app" }).max(500, { error: "Use at most 500 characters." }).optional(),
});

export const SignOutEverywhereSchema = z.object({
  confirm: z.literal("sign out everywhere", { error: 'Type "sign out everywhere" to confirm.' }),
});
