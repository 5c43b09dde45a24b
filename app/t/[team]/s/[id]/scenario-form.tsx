"use client";

import type { ScenarioInputRaw } from "@/lib/engine";
import type { PickerCatalog } from "@/lib/catalog/templates";
import { ReadOnly, type Errors, type Set } from "./form-fields";
import { DecisionRulesSection, WorkloadSection } from "./workload-section";
import { ApiOptionsSection } from "./api-options-section";
import { SelfHostOptionsSection } from "./self-host-options-section";
import { ConstraintsSection } from "./constraints-section";
import { HybridOptionsSection } from "./hybrid-options-section";

/**
 * Every input of a scenario, section by section. A viewer sees the same form read-only (inputs
 * disabled, add and remove controls hidden), so the assumption that decides the outcome is in view.
 */
export function ScenarioForm({
  input,
  set,
  errors,
  catalog,
  readOnly = false,
}: {
  input: ScenarioInputRaw;
  set: Set;
  errors: Errors;
  catalog: PickerCatalog;
  readOnly?: boolean;
}) {
  const props = { input, set, errors };
  return (
    <ReadOnly.Provider value={readOnly}>
      <fieldset
        disabled={readOnly}
        className="min-w-0 space-y-5"
        data-testid="scenario-form"
        aria-label={readOnly ? "Inputs (read only)" : undefined}
      >
        <WorkloadSection {...props} />
        <ApiOptionsSection {...props} catalog={catalog} />
        <SelfHostOptionsSection {...props} catalog={catalog} />
        <HybridOptionsSection {...props} />
        <DecisionRulesSection {...props} />
        <ConstraintsSection {...props} />
      </fieldset>
    </ReadOnly.Provider>
  );
}
