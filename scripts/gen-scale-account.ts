/** The account gen:scale creates and bench:ledger signs in with. */
export const SCALE_ADMIN = 'scaleadmin';
export const SCALE_PASSWORD = 'Scale#Bench2026';
