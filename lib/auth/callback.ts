/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://local.invalid");
    if (url.origin !== "http://local.invalid" && !/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(value)) return "/";
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("//") ? "/" : path;
  } catch {
    return "/";
  }
}
