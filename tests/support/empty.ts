// Stands in for the "server-only" package under Vitest (it throws outside React server builds).
export {};
