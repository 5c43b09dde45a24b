export function ChartCard({
  title,
  caption,
  children,
  testId,
}: {
  title: string;
  caption?: string;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid={testId}>
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      {caption ? <p className="mb-2 text-xs text-gray-500">{caption}</p> : null}
      {children}
    </section>
  );
}
