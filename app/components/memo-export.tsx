// Download the decision memo: a plain GET form, so the browser saves the file the route streams.
export function MemoExport({ action, hidden = {}, note }: { action: string; hidden?: Record<string, string>; note: string }) {
  return (
    <details className="rounded-lg border border-gray-200 bg-white p-4" data-testid="memo-export">
      <summary className="cursor-pointer text-sm font-semibold">Export decision memo</summary>
      <form action={action} method="get" className="mt-3 space-y-3">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p className="text-xs text-gray-600">{note}</p>
        <label className="block text-sm">
          <span className="font-medium">Context</span>{" "}
          <span className="text-xs text-gray-500">(optional: why this decision is being made)</span>
          <textarea name="context" maxLength={4000} rows={3} className="mt-1 w-full rounded border border-gray-300 px-2 py-1 text-sm" />
        </label>
        <label className="block text-sm">
          <span className="font-medium">Decision</span>{" "}
          <span className="text-xs text-gray-500">(optional: what the team decided and who signs off)</span>
          <textarea name="decision" maxLength={4000} rows={3} className="mt-1 w-full rounded border border-gray-300 px-2 py-1 text-sm" />
        </label>
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="format" value="pdf" className="btn-primary">
            Download PDF
          </button>
          <button type="submit" name="format" value="md" className="btn-secondary">
            Download Markdown
          </button>
        </div>
      </form>
    </details>
  );
}
