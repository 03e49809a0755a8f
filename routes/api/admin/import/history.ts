/** `GET /api/admin/import/history`: the import history, newest first, the version that a restore would bring back, and the running job. */
import { personalJson } from "../../../../framework/cache_control.ts";
import type { Handlers } from "../../../../framework/mod.ts";
import { dataDir } from "../../../../lib/config.ts";
import { importState } from "../../../../lib/store/import_state.ts";

export const handler: Handlers = {
  async GET() {
    return personalJson(await importState(dataDir()));
  },
};
