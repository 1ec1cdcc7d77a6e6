/** Permission codes of the ledger pages (same codes as apps/server/src/modules/access/permissions.ts). */
export const LEDGER_PERM = {
  list: 'ledger:record:list',
  add: 'ledger:record:add',
  edit: 'ledger:record:edit',
  remove: 'ledger:record:remove',
  import: 'ledger:record:import',
  export: 'ledger:record:export',
} as const;
