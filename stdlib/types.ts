// Field type names and duration units as users write them. The compiler and the
// playground (completion, hover) read the same table.

export const primitiveTypeNames = [
  "text",
  "number",
  "money",
  "bool",
  "date",
  "datetime",
  "email",
  "phone",
  "user",
] as const;

export type PrimitiveTypeName = (typeof primitiveTypeNames)[number];

export const primitiveTypeDocs: Record<PrimitiveTypeName, string> = {
  text: "Free text.",
  number: "A number, integer or decimal.",
  money: "An amount of money; compares and adds with numbers.",
  bool: "true or false.",
  date: "A calendar date, YYYY-MM-DD.",
  datetime: "A point in time, ISO 8601 with offset.",
  email: "An e-mail address; a valid recipient of send email.",
  phone: "A phone number; a valid recipient of send sms.",
  user: "A CRM user (quoted login or e-mail); assign and create task target users.",
};

export function isPrimitiveTypeName(name: string): name is PrimitiveTypeName {
  return (primitiveTypeNames as readonly string[]).includes(name);
}

export type DurationUnitName = "minutes" | "hours" | "days" | "weeks" | "business_days";

/** Every spelling of a duration unit, singular and plural. */
export const durationUnits: ReadonlyArray<{ unit: DurationUnitName; spellings: string[]; doc: string }> = [
  { unit: "minutes", spellings: ["minute", "minutes"], doc: "Exact minutes." },
  { unit: "hours", spellings: ["hour", "hours"], doc: "Exact hours (24 hours is always 24 hours)." },
  { unit: "days", spellings: ["day", "days"], doc: "Calendar days: the same local time N days later, across DST changes." },
  { unit: "weeks", spellings: ["week", "weeks"], doc: "Seven calendar days each." },
  {
    unit: "business_days",
    spellings: ["business day", "business days"],
    doc: "Workdays of the calendar, skipping holidays, keeping the local time.",
  },
];

export const weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
