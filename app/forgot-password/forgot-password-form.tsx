"use client";

import { useMutation } from "@tanstack/react-query";
import { api, ApiError } from "@/lib/client/api";
import { TextField } from "../components/text-field";

export function ForgotPasswordForm() {
  const request = useMutation({
    mutationFn: (email: string) => api<{ message: string }>("/api/account/password-reset", { method: "POST", body: { email } }),
  });
  if (request.isSuccess) {
    return (
      <p role="status" className="text-sm text-gray-700">
        {request.data.message}
      </p>
    );
  }
  const fieldErrors = request.error instanceof ApiError ? request.error.fieldErrors : undefined;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate(String(new FormData(e.currentTarget).get("email") ?? ""));
      }}
    >
      <p className="text-sm text-gray-700">Enter the address you sign in with. We will email it a link to choose a new password.</p>
      <TextField name="email" label="Email" type="email" autoComplete="email" errors={fieldErrors?.email} />
      {request.isError && !fieldErrors?.email ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {request.error.message}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Email me a link"}
      </button>
    </form>
  );
}
