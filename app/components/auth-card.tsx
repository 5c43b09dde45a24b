/** What the product does, in a few lines, for someone arriving at sign-in or sign-up cold. */
function ProductIntro() {
  return (
    <section className="max-w-md text-sm text-gray-700" data-testid="product-intro">
      <p className="text-base font-medium text-gray-900">
        Call an LLM through a provider&apos;s API, or run an open model on your own GPUs?
      </p>
      <p className="mt-2">
        Breakeven prices both for your workload and shows where one overtakes the other, what moves the answer, and which compliance or
        latency rule overrides the cheaper choice.
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        <li>Scenarios saved with every revision, compared side by side with your team</li>
        <li>A cost engine that sizes GPUs from published throughput measurements</li>
        <li>A decision memo as PDF, re-priced when the catalog changes</li>
      </ul>
    </section>
  );
}

export function AuthCard({
  title,
  children,
  footer,
  intro = false,
}: {
  title: string;
  children: React.ReactNode;
  footer: React.ReactNode;
  /** Show what the product is beside the form (sign-in and sign-up). */
  intro?: boolean;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 px-4 py-12 lg:flex-row lg:gap-16">
      {intro ? (
        <div className="order-2 lg:order-1">
          <ProductIntro />
        </div>
      ) : null}
      <div className="order-1 w-full max-w-sm lg:order-2">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight">
          Break<span className="text-blue-600">even</span>
        </p>
        <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">{title}</h1>
          {children}
        </div>
        <p className="mt-4 text-center text-sm text-gray-600">{footer}</p>
      </div>
    </main>
  );
}
