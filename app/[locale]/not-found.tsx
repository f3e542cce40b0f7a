import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { SiteFrame } from "@/components/ui/site-chrome";
import { paths } from "@/lib/paths";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  // Rendered under the root layout only, so it brings the site's frame itself.
  return (
    <SiteFrame>
      <div className="container narrow">
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <p>
          <Link href={paths.home()}>{t("home")}</Link>
        </p>
      </div>
    </SiteFrame>
  );
}
