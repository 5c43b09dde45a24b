import { NextResponse } from "next/server";
import { toProblem } from "./errors";

/** Wraps a route handler: AppErrors become problem JSON with their status, anything else a 500. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      const { status, body } = toProblem(error);
      return NextResponse.json({ status, ...body }, { status });
    }
  };
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return undefined;
  }
}
