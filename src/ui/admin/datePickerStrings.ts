import { defaultDatePickerStrings, type IDatePickerStrings } from '@fluentui/react';
import type { AdminStrings } from './adminStrings';

const nameOf = (date: Date, locale: string | undefined, options: Intl.DateTimeFormatOptions): string => new Intl.DateTimeFormat(locale, options).format(date);

/** Fluent's calendar in the screen's language: its labels from `texts`, month and day names from the locale. */
export function datePickerStrings(texts: AdminStrings['datePicker'], locale: string | undefined): IDatePickerStrings {
  const months = Array.from({ length: 12 }, (_x, month) => new Date(2024, month, 1));
  // 7 January 2024 is a Sunday: Fluent's weeks start their lists on Sunday.
  const days = Array.from({ length: 7 }, (_x, day) => new Date(2024, 0, 7 + day));
  return {
    ...defaultDatePickerStrings,
    months: months.map((d) => nameOf(d, locale, { month: 'long' })),
    shortMonths: months.map((d) => nameOf(d, locale, { month: 'short' })),
    days: days.map((d) => nameOf(d, locale, { weekday: 'long' })),
    shortDays: days.map((d) => nameOf(d, locale, { weekday: 'narrow' })),
    goToToday: texts.goToToday,
    prevMonthAriaLabel: texts.previousMonth,
    nextMonthAriaLabel: texts.nextMonth,
    prevYearAriaLabel: texts.previousYear,
    nextYearAriaLabel: texts.nextYear,
    closeButtonAriaLabel: texts.close,
    isRequiredErrorMessage: texts.required,
    invalidInputErrorMessage: texts.invalid,
    // Fluent fills in {0} (what was typed) and {1} (the date kept) itself.
    isResetStatusMessage: texts.reset('{0}', '{1}'),
  };
}
