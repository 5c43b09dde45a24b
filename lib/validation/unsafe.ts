// Text that has no place in any input: NUL and the other C0 control characters (tab, line feed
// and carriage return aside), and object keys that name Object.prototype's machinery. Checked
// where a body enters (lib/http.ts readJson) and again by parseInput, so a data-layer call that
// does not come through a route gets the same answer.
import { AppError } from "../errors";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function findUnsafe(value: unknown, path: string): { path: string; message: string } | null {
  if (typeof value === "string")
    return CONTROL_CHARACTERS.test(value) ? { path, message: "contains a control character (such as NUL)" } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findUnsafe(value[i], path ? `${path}.${i}` : String(i));
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { path: at, message: "is not an allowed name" };
      if (CONTROL_CHARACTERS.test(key)) return { path: at, message: "contains a control character (such as NUL)" };
      const bad = findUnsafe(v, at);
      if (bad) return bad;
    }
  }
  return null;
}

/** Throws a 422 naming the first field that holds a control character or a prototype key. */
export function assertNoUnsafeText(value: unknown): void {
  const bad = findUnsafe(value, "");
  if (bad) throw new AppError("validation", "Please correct the highlighted fields.", { [bad.path || "(body)"]: [bad.message] });
}
