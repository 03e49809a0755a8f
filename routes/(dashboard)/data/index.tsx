/** `/data` (admins only, by the access policy): the web import, its history and the restore of the previous version. */
import type { Handlers, PageProps } from "../../../framework/mod.ts";
import DataImport, { type DataImportProps } from "../../../islands/DataImport.tsx";
import { dataDir } from "../../../lib/config.ts";
import { langFromUrl } from "../../../lib/i18n.ts";
import { listMappings } from "../../../lib/store/import_mappings.ts";
import { importState } from "../../../lib/store/import_state.ts";

type DataPageData = Omit<DataImportProps, "lang">;

export const handler: Handlers<DataPageData> = {
  async GET(_req, ctx) {
    const dir = dataDir();
    const [state, mappings] = await Promise.all([importState(dir), listMappings(dir, "tickets")]);
    return ctx.render({ state, mappings });
  },
};

export default function DataPage({ url, data }: PageProps<DataPageData>) {
  return <DataImport lang={langFromUrl(url)} state={data.state} mappings={data.mappings} />;
}
