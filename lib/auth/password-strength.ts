import "server-only";
// Passwords that are blank, common or built from the person's own name or email are refused,
// judged by zxcvbn-ts with its common-password dictionary (a score below 2 of 4 is "too guessable").
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "../errors";

const MIN_SCORE = 2;
let checker: ZxcvbnFactory | null = null;

export function assertStrongPassword(password: string, field: string, personal: string[] = []): void {
  checker ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  const result = checker.check(password, personal.filter(Boolean));
  if (password.trim().length === 0 || result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${String(result.feedback.warning).replace(/\.$/, "")})` : "";
    throw new AppError("validation", "Please correct the highlighted fields.", {
      [field]: [`This password is too easy to guess${hint}. Use a longer phrase of unrelated words.`],
    });
  }
}
