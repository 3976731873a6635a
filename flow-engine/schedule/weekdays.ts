// The days of a schedule's week, Monday first. A module of its own (no zod) so the studio's schedule pages can list
// them without loading the schedule schema into the browser.

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
