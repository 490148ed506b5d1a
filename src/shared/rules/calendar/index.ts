export * from './local-date.ts';
export * from './working-days.ts';
export { BANK_HOLIDAYS_ENGLAND_AND_WALES } from './bank-holidays-england-wales.ts';
