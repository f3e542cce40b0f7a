import { LocaleLink } from "@/components/ui/locale-link";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { paths } from "@/lib/paths";
import en from "@/messages/en.json";
import "./[locale]/globals.css";

// A path outside any language that proxy.ts did not redirect (it redirects every page path): rare, so
// English, with its own <html> since no language layout wraps it.
export default function GlobalNotFound() {
  return (
    <html lang={DEFAULT_LOCALE} dir="ltr">
      <body>
        <main id="main" className="container narrow">
          <h1>{en.NotFound.title}</h1>
          <p>{en.NotFound.body}</p>
          <p>
            <LocaleLink locale={DEFAULT_LOCALE} href={paths.home()}>
              {en.NotFound.home}
            </LocaleLink>
          </p>
        </main>
      </body>
    </html>
  );
}
