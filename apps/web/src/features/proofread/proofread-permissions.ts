/** Permission codes of the proofreader (server: modules/access/permissions.ts). */
export const PROOFREAD_PERM = {
  check: 'proofread:check',
  termsList: 'proofread:terms:list',
  termsAdd: 'proofread:terms:add',
  termsEdit: 'proofread:terms:edit',
  termsRemove: 'proofread:terms:remove',
} as const;
