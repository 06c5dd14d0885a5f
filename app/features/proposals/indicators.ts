// The preset impact indicators a proposal picks its targets from; reports later record actual values against the
// same codes, so dashboards can add them up across projects. Names and units live in proposals:indicators.*.
export const indicatorCodes = [
  "service_visits",
  "beneficiaries",
  "activities",
  "volunteers",
  "volunteer_hours",
  "satisfaction",
  "wishes_fulfilled",
] as const;
export type IndicatorCode = (typeof indicatorCodes)[number];

/** The choice in the form: a catalogue indicator, or a custom one with its own name and unit. */
export const CUSTOM_INDICATOR = "custom";
export type IndicatorChoice = IndicatorCode | typeof CUSTOM_INDICATOR;
export const indicatorChoices = [...indicatorCodes, CUSTOM_INDICATOR] as const;

/** Indicators measured as a percentage, whose target cannot exceed 100. */
export const percentIndicators: ReadonlySet<string> = new Set<IndicatorCode>(["satisfaction"]);

export function isIndicatorCode(value: string): value is IndicatorCode {
  return (indicatorCodes as readonly string[]).includes(value);
}
