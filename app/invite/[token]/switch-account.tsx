"use client";
// The invitation is for another address: sign out, then sign in (or up) with it and come back.
import { signOut } from "next-auth/react";

export function SwitchAccount({ token, email }: { token: string; email: string }) {
  const back = `/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
      This invitation is for {email}.{" "}
      <button type="button" className="font-medium underline" onClick={() => signOut({ callbackUrl: back })}>
        Sign out and continue as {email}
      </button>{" "}
      to accept it.
    </p>
  );
}
