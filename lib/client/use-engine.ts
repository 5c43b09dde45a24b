"use client";
// The in-browser engine (and zod under it) is not part of a page's first load: the server renders
// the first results, and the engine arrives once the page is idle, before the first edit needs it.
import { useEffect, useState } from "react";

type Engine = typeof import("../engine");

let loading: Promise<Engine> | null = null;
const loadEngine = () => (loading ??= import("../engine"));

/** The engine module once it has loaded; null before, or when `wanted` is false (a viewer never edits). */
export function useEngine(wanted: boolean): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const start = () => void loadEngine().then((e) => live && setEngine(e));
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback(start, { timeout: 1500 }) : setTimeout(start, 200);
    return () => {
      live = false;
      if (typeof cancelIdleCallback === "function") cancelIdleCallback(idle as number);
      else clearTimeout(idle as ReturnType<typeof setTimeout>);
    };
  }, [wanted]);
  return engine;
}
