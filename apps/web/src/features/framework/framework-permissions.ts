/** Permission codes of the framework and compliance pages (as on the server). */
export const FRAMEWORK_PERM = {
  list: 'framework:list',
  add: 'framework:add',
  edit: 'framework:edit',
  remove: 'framework:remove',
  compliance: 'compliance:view',
} as const;
