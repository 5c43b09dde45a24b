// Per-request scope of an API token: the team it belongs to and the highest role it may act
// with. Set by requireUser() when a request carries a bearer token; read by the tenant scope
// (lib/data/scope.ts) and by authorize(), so every data-layer check applies to tokens without a
// second code path. Session requests have no token scope.
import { AsyncLocalStorage } from "node:async_hooks";
import type { TeamRole } from "./roles";

export type TokenScope = { tokenId: string; teamId: string; maxRole: TeamRole };

const context = new AsyncLocalStorage<{ scope: TokenScope | null }>();

/** Runs one request; handle() in lib/http.ts wraps every route handler in it. */
export function runRequest<T>(fn: () => Promise<T>): Promise<T> {
  return context.run({ scope: null }, fn);
}

export function setTokenScope(scope: TokenScope): void {
  const store = context.getStore();
  if (!store) throw new Error("setTokenScope outside a request (wrap the handler in handle())");
  store.scope = scope;
}

export function tokenScope(): TokenScope | null {
  return context.getStore()?.scope ?? null;
}
