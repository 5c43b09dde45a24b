import path from "node:path";
import { test, expect, signUp } from "./fixtures";

test("a team's own vllm bench serve result calibrates a self-host option, and a row for a bad degree is a field error", async ({
  page,
  newUser,
}) => {
  await signUp(page, newUser);
  await page.getByRole("link", { name: "New scenario" }).click();
  await page.getByRole("button", { name: /Chat assistant/ }).click();
  const card = page.locator('[data-testid^="self-option-"]').first();
  await card.getByText("Serving: parallelism, KV cache, measured throughput").click();
  const measurements = card.locator('[data-testid^="measurements-"]');
  await expect(measurements).toContainText("Measured throughput (0)");

  // Import the result file: the row is added and the option's throughput now rests on it.
  await card.getByLabel(/Import a `vllm bench serve` result/).setInputFiles(path.resolve("lib/catalog/fixtures/vllm-bench-serve.json"));
  await expect(measurements).toContainText("Measured throughput (1)");
  await expect(measurements).toContainText("1024 in / 256 out · 64 concurrent · 2,162 tokens/s · ITL 26.8 ms");
  await expect(page.getByRole("status").filter({ hasText: "vllm-bench-serve.json" })).toContainText("meta-llama/Llama-3.1-8B-Instruct");
  await expect(page.getByTestId("options-table")).toContainText(/roofline calibrated on a measured row|measured\)/);

  // Fixing the degree above the GPUs of one node is refused with the field named; nothing to save.
  await card.getByLabel("Tensor parallel", { exact: true }).selectOption("16");
  await expect(card.getByRole("alert").filter({ hasText: "above the 8 GPUs of one node" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save revision" })).toBeDisabled();
  await card.getByLabel("Tensor parallel", { exact: true }).selectOption("");
  await expect(page.getByRole("button", { name: "Save revision" })).toBeEnabled();
});
