import type { validation as zh } from "../zh-CN/validation";

export const validation: typeof zh = {
  required: "This field is required",
  tooShort: "Needs at least {{min}} characters",
  tooLong: "Must be at most {{max}} characters",
  tooFewItems: "Needs at least {{min}} items",
  tooManyItems: "At most {{max}} items",
  tooSmall: "Must be at least {{min}}",
  tooBig: "Must be at most {{max}}",
  email: "Enter a valid email address",
  choose: "Choose one of the options",
  mobile: "Enter a valid mainland China mobile number (11 digits starting with 1)",
  date: "Enter a valid date",
  dateTime: "Enter a valid date and time",
  integer: "Enter a whole number",
  amount: {
    invalid: "Enter an amount such as 5000, 5,000.50 or 1.5万",
    tooManyDecimals: "Amounts have at most two decimals (to the fen)",
    negative: "The amount cannot be negative",
    tooLarge: "The amount is too large",
  },
  share: { invalid: "Enter a percentage from 0 to 100 with at most two decimals" },
};
