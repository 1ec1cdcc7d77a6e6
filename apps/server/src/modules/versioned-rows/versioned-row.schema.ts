import { z } from 'zod';

/** List-query fields that narrow a list to a unit, optionally with everything below it. */
export const unitFilterQuery = {
  unitId: z.coerce.number().int().positive().optional(),
  includeSubunits: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
};

/** The response fields a versioned row ends with (clients send `version` back to update). */
export const versionedRowFields = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
