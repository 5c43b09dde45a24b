// Demo scenarios for the seeded workspace. Filled from lib/engine/examples once the engine exists.
import type { ScenarioStatus } from "../generated/prisma/enums";

export type DemoScenario = {
  name: string;
  description: string;
  status: ScenarioStatus;
  input: object;
  summary: object | null;
};

export function demoScenarios(): DemoScenario[] {
  return [];
}
