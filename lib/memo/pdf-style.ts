// The memo's page geometry, type and styles, shared by the PDF document and its charts.
import path from "node:path";
import { Font, StyleSheet } from "@react-pdf/renderer";

export const FONT = "DejaVu Sans";
let fontsRegistered = false;

export function registerFonts() {
  if (fontsRegistered) return;
  const dir = path.join(process.cwd(), "lib", "memo", "fonts");
  Font.register({
    family: FONT,
    fonts: [{ src: path.join(dir, "DejaVuSans.ttf") }, { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" }],
  });
  // Words are never split with a hyphen: option names and figures must read whole.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

export const GRAY = "#6b7280";
export const PAGE_WIDTH = 595.28; // A4
export const MARGIN = 44;
export const CONTENT = PAGE_WIDTH - 2 * MARGIN;

export const s = StyleSheet.create({
  // lineHeight lives on the body, not the page: on the page it blanks the page-number footer.
  body: { lineHeight: "12.6pt" },
  page: { fontFamily: FONT, fontSize: 9, color: "#111827", paddingTop: 48, paddingBottom: 56, paddingHorizontal: MARGIN },
  footer: { position: "absolute", bottom: 24, left: MARGIN, right: MARGIN, fontSize: 7.5, color: GRAY },
  title: { fontSize: 18, fontWeight: "bold", lineHeight: 1.25, marginBottom: 8 },
  cover: { borderBottomWidth: 1, borderBottomColor: "#d1d5db", paddingBottom: 10, marginBottom: 14 },
  meta: { flexDirection: "row", flexWrap: "wrap", fontSize: 8.5, color: "#374151" },
  metaItem: { width: "50%", marginBottom: 2 },
  h2: { fontSize: 13, lineHeight: 1.3, fontWeight: "bold", marginTop: 12, marginBottom: 6 },
  h3: { fontSize: 10.5, lineHeight: 1.3, fontWeight: "bold", marginTop: 10, marginBottom: 4 },
  p: { marginBottom: 5 },
  small: { fontSize: 8, color: "#374151" },
  muted: { color: GRAY },
  box: { borderRadius: 3, padding: 9, marginBottom: 8 },
  headline: { fontSize: 11.5, lineHeight: 1.3, fontWeight: "bold", marginBottom: 4 },
  bullet: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 10 },
  bulletText: { flex: 1 },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb", paddingVertical: 2.5 },
  th: { fontWeight: "bold", fontSize: 7.5, color: "#374151" },
  td: { paddingHorizontal: 3 },
});

export const BOX_TONE = {
  api: { backgroundColor: "#eff6ff", borderColor: "#bfdbfe" },
  "self-host": { backgroundColor: "#ecfdf5", borderColor: "#a7f3d0" },
  hybrid: { backgroundColor: "#f5f3ff", borderColor: "#ddd6fe" },
  infeasible: { backgroundColor: "#fef2f2", borderColor: "#fecaca" },
};
