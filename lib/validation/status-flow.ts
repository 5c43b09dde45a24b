// The moves a scenario's status may make; plain data, so the browser can show the buttons
// without loading the validation library.
export const STATUS_FLOW = {
  draft: ["proposed", "archived"],
  proposed: ["draft", "decided", "archived"],
  decided: ["proposed", "archived"],
  archived: ["draft"],
} as const;
