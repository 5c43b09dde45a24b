"use client";
// The scenario's current version as this page knows it, shared by everything on the page that
// writes (save, status, rename, restore, re-price): each write names it and each success updates
// it at once, so two quick writes in a row are never a conflict with yourself while the page's
// server data is still refreshing.
import { createContext, useContext, useState } from "react";

const Version = createContext<{ version: number; setVersion: (v: number) => void } | null>(null);

/** `initial` is the server's figure; after a refresh the newer of it and the page's own wins. */
export function ScenarioVersionProvider({ initial, children }: { initial: number; children: React.ReactNode }) {
  const [known, setVersion] = useState(initial);
  const version = Math.max(initial, known);
  return <Version.Provider value={{ version, setVersion }}>{children}</Version.Provider>;
}

export function useScenarioVersion() {
  const v = useContext(Version);
  if (!v) throw new Error("useScenarioVersion needs a ScenarioVersionProvider");
  return v;
}
