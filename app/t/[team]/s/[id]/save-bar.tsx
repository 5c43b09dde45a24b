"use client";

/** The editor's sticky footer: the headline on narrow screens, the revision message, errors, save. */
export function SaveBar({
  headline,
  message,
  onMessage,
  error,
  canSave,
  saving,
  dirty,
  onSave,
}: {
  headline: string | null;
  message: string;
  onMessage: (text: string) => void;
  error: string | null;
  canSave: boolean;
  saving: boolean;
  dirty: boolean;
  onSave: () => void;
}) {
  return (
    <div className="sticky bottom-0 space-y-2 rounded-lg border border-gray-200 bg-white p-3 shadow-sm">
      {headline ? (
        <p className="text-xs font-medium text-gray-800 xl:hidden" aria-hidden="true">
          {headline}
        </p>
      ) : null}
      <label htmlFor="revision-message" className="block text-xs font-medium text-gray-700">
        What changed? <span className="font-normal text-gray-500">(optional, kept in the history)</span>
      </label>
      <input
        id="revision-message"
        className="field-input py-1.5"
        value={message}
        maxLength={500}
        onChange={(e) => onMessage(e.target.value)}
      />
      {error ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="save-error">
          {error}
        </div>
      ) : null}
      <button type="button" className="btn-primary w-full" disabled={!canSave} onClick={onSave}>
        {saving ? "Saving…" : dirty ? "Save revision" : "Saved"}
      </button>
    </div>
  );
}
