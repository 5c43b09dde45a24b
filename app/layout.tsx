import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Breakeven", template: "%s · Breakeven" },
  description: "API or self-hosted LLM? Put numbers on both sides.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: each page carries the nonce of its own Content-Security-Policy (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
