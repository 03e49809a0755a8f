import { AppHeader } from "../../components/AppHeader.tsx";
import type { PageProps } from "../../framework/mod.ts";
import DataUpdated from "../../islands/DataUpdated.tsx";
import { principalOf } from "../../lib/access/principal.ts";
import { usesDemoData } from "../../lib/config.ts";
import { langFromUrl } from "../../lib/i18n.ts";

/**
 * Pages that hold work not in their address (a query, an import's summary); the others
 * reload onto a new store version by themselves.
 */
const KEEPS_UNSAVED_WORK = ["/sql", "/data"];

export default function DashboardLayout({ url, state, Component }: PageProps) {
  const lang = langFromUrl(url);
  return (
    <div class="app">
      <AppHeader url={url} lang={lang} demo={usesDemoData()} principal={principalOf(state)} />
      <DataUpdated
        lang={lang}
        autoReload={!KEEPS_UNSAVED_WORK.includes(url.pathname)}
      />
      <main class="app-main">
        <Component />
      </main>
    </div>
  );
}
