/**
 * Tells an open dashboard page that an import has replaced the store it shows. The old
 * version's data and tiles stay served for a grace period (LINLI_VERSION_GRACE_MS), so the
 * page keeps working; pages whose address holds their whole state reload themselves onto
 * the new version, the others (the SQL workbench, with an analyst's unsaved query) offer it.
 */
import { useEffect, useState } from "preact/hooks";
import { type Lang, t } from "../lib/i18n.ts";
import { checkHealthStatus, parseHealth } from "../lib/wall/sync.ts";

const POLL_MS = 60_000;
/** Long enough to read the notice before the page changes under the reader's eyes. */
const RELOAD_AFTER_MS = 8_000;

async function storeVersion(): Promise<string | null> {
  const res = await fetch("/api/health", { cache: "no-store" });
  checkHealthStatus(res.status);
  return parseHealth(await res.json()).version;
}

export default function DataUpdated({ lang, autoReload }: { lang: Lang; autoReload: boolean }) {
  const [updated, setUpdated] = useState(false);
  useEffect(() => {
    // The version the page loaded with: asked as it starts, when its data is being fetched.
    const shown = storeVersion().catch(() => null);
    const poll = setInterval(async () => {
      try {
        const [was, now] = [await shown, await storeVersion()];
        if (was && now && now !== was) {
          clearInterval(poll);
          setUpdated(true);
          if (autoReload) setTimeout(() => location.reload(), RELOAD_AFTER_MS);
        }
      } catch {
        // A server restarting or a session ending is for the next poll, or the sign-in page, to tell.
      }
    }, POLL_MS);
    return () => clearInterval(poll);
  }, []);
  if (!updated) return null;
  return (
    <p class="status status-notice data-updated" role="status">
      {t(lang, autoReload ? "data.updated_reloading" : "data.updated")}{" "}
      <button type="button" class="link" onClick={() => location.reload()}>{t(lang, "data.reload")}</button>
    </p>
  );
}
