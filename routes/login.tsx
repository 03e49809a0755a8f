/**
 * The sign-in page: a form posting to /api/auth/login, the single sign-on button when
 * configured, and on the demo store its accounts under 示范账号 with one-click sign-in.
 */
import type { Handlers, PageProps } from "../framework/mod.ts";
import { listAccounts } from "../lib/access/accounts.ts";
import { type DemoCredentials, demoCredentials } from "../lib/access/demo_accounts.ts";
import { oidcConfigured } from "../lib/access/oidc_config.ts";
import { safeNext } from "../lib/access/request.ts";
import { dataDir } from "../lib/config.ts";
import { type Lang, langFromUrl, type MessageKey, otherLanguageHref, t } from "../lib/i18n.ts";

interface LoginData {
  demo: DemoCredentials | null;
  hasAccounts: boolean;
  sso: boolean;
}

const ERRORS: Record<string, MessageKey> = {
  failed: "login.failed",
  limited: "login.limited",
  wall_token: "login.wall_token",
};

export const handler: Handlers<LoginData> = {
  async GET(_req, ctx) {
    const demo = demoCredentials();
    return ctx.render({ demo, hasAccounts: (await listAccounts(dataDir())).length > 0, sso: oidcConfigured() });
  },
};

function CredentialsForm(
  { lang, next, username, password, label, className }: {
    lang: Lang;
    next: string;
    username?: string;
    password?: string;
    label: string;
    className: string;
  },
) {
  const oneClick = username !== undefined;
  return (
    <form method="post" action="/api/auth/login" class={className}>
      <input type="hidden" name="next" value={next} />
      {lang === "en" && <input type="hidden" name="lang" value="en" />}
      {oneClick ? <input type="hidden" name="username" value={username} /> : (
        <label>
          {t(lang, "login.username")}
          <input name="username" autocomplete="username" required autofocus />
        </label>
      )}
      {oneClick ? <input type="hidden" name="password" value={password} /> : (
        <label>
          {t(lang, "login.password")}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
      )}
      <button type="submit">{label}</button>
    </form>
  );
}

export default function LoginPage({ url, data }: PageProps<LoginData>) {
  const lang = langFromUrl(url);
  const next = safeNext(url.searchParams.get("next"));
  const error = ERRORS[url.searchParams.get("error") ?? ""];
  const ssoError = url.searchParams.get("sso_error");
  return (
    <main class="login">
      <h1>
        <strong>{t(lang, "app.name")}</strong> {t(lang, "app.tagline")}
      </h1>
      <section class="login-box">
        <h2>{t(lang, "login.title")}</h2>
        {error && <p class="login-error" role="alert">{t(lang, error)}</p>}
        {ssoError && <p class="login-error" role="alert">{t(lang, "login.sso_failed", { message: ssoError })}</p>}
        <CredentialsForm lang={lang} next={next} label={t(lang, "login.submit")} className="login-form" />
        {data.sso && (
          <a class="login-sso" href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}>{t(lang, "login.sso")}</a>
        )}
        {!data.hasAccounts && !data.sso && (
          <div class="login-first">
            <p>{t(lang, "login.no_accounts")}</p>
            <pre>npx -y deno@2.9.6 task user add admin --role admin --data {dataDir()}</pre>
          </div>
        )}
      </section>
      {data.demo && (
        <section class="login-box login-demo">
          <h2>{t(lang, "login.demo")}</h2>
          <p>{t(lang, "login.demo_hint")}</p>
          {data.demo.accounts.map((a) => (
            <CredentialsForm
              key={a.name}
              lang={lang}
              next={next}
              username={a.name}
              password={a.password}
              label={`${t(lang, `role.${a.role}`)} · ${a.display} · ${a.name} / ${a.password}`}
              className="login-demo-account"
            />
          ))}
          <p>
            {t(lang, "login.demo_wall")}: <a href={data.demo.wallPath}>{data.demo.wallPath}</a>
          </p>
        </section>
      )}
      <a class="login-lang" href={otherLanguageHref(url, lang)}>{t(lang, "lang.switch")}</a>
    </main>
  );
}
